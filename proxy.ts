import { NextResponse, type NextRequest } from "next/server";

import { isCacheOnlyRender, renderFromCache } from "@/lib/cache/outage";
import { databaseReachable } from "@/lib/db/health";
import { serviceUnavailablePage } from "@/lib/db/unavailable";
import { contentSecurityPolicy, newNonce, oauthFormTargets, securityHeaders } from "@/lib/http/security-headers";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/config";

/**
 * Runs before every page and route: sets the security headers with a fresh script nonce,
 * and, when the database is down, answers with a clear, localised 503 and Retry-After
 * instead of letting each page fail with a stack trace.
 */
export async function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", formTargets: oauthFormTargets() });
  const headers = securityHeaders(csp, process.env.NODE_ENV === "production");
  if (!isCacheOnlyRender(request) && !(await databaseReachable())) {
    // A page whose data is all in the server's cache (an article already read) is still served;
    // a route (the live stream never ends) is not a page to render again.
    const cached = request.nextUrl.pathname.startsWith("/api/") ? null : await renderFromCache(request);
    if (cached) return cached;
    const locale = resolveLocale(request.cookies.get(LOCALE_COOKIE)?.value);
    return new NextResponse(serviceUnavailablePage(locale), {
      status: 503,
      headers: { ...headers, "content-type": "text/html; charset=utf-8", "retry-after": "30", "cache-control": "no-store" },
    });
  }
  // Next.js reads the policy from the request to put the nonce on its own scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static assets and framework files are served without the database.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:css|js|woff2?|png|jpg|jpeg|svg|ico|webp)$).*)"],
};
