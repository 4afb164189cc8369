import { NextResponse, type NextRequest } from "next/server";
import { databaseReachable } from "@/lib/db/health";
import { serviceUnavailablePage } from "@/lib/db/unavailable";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/config";

/**
 * Every page needs the database. When it is down, answer with a clear, localised
 * 503 and Retry-After instead of letting each page fail with a stack trace.
 */
export async function proxy(request: NextRequest) {
  if (await databaseReachable()) return NextResponse.next();
  const locale = resolveLocale(request.cookies.get(LOCALE_COOKIE)?.value);
  return new NextResponse(serviceUnavailablePage(locale), {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": "30", "cache-control": "no-store" },
  });
}

export const config = {
  // Static assets and framework files are served without the database.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|robots.txt|.*\\.(?:css|js|woff2?|png|jpg|jpeg|svg|ico|webp)$).*)"],
};
