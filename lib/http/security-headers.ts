/**
 * The headers every page and route answer with. Scripts run only with this request's nonce
 * (Next.js puts it on its own scripts when it finds the policy on the request), so an
 * injected <script> or event handler does not run even if it got past sanitising.
 */
export function contentSecurityPolicy(nonce: string, { dev = false, formTargets = [] as string[] } = {}): string {
  // 'strict-dynamic': scripts loaded by a trusted script are trusted; eval only for the dev server's refresh.
  return policyWith(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`, formTargets);
}

/**
 * The policy of a page served from the page cache (lib/pagecache): the same bytes go to many
 * readers, so instead of a nonce its inline scripts are allowed by their SHA-256 hashes, computed
 * once when the page was stored, and its script files by being our own ('self').
 */
export function hashedContentSecurityPolicy(hashes: string[], { formTargets = [] as string[] } = {}): string {
  return policyWith(`script-src 'self'${hashes.map((hash) => ` 'sha256-${hash}'`).join("")}`, formTargets);
}

function policyWith(scriptSrc: string, formTargets: string[]): string {
  return [
    "default-src 'self'",
    scriptSrc,
    // React sets style attributes; inline styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    // Imported articles may show images from their old site.
    "img-src 'self' data: https:",
    "font-src 'self'",
    `connect-src 'self'${scriptSrc.includes("'unsafe-eval'") ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    // Sign-in with GitHub or Google ends in a redirect to their pages.
    `form-action 'self'${formTargets.map((target) => ` ${target}`).join("")}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The origins an OAuth sign-in form redirects to, for the providers that are configured. */
export function oauthFormTargets(env: NodeJS.ProcessEnv = process.env): string[] {
  return [...(env.AUTH_GITHUB_ID ? ["https://github.com"] : []), ...(env.AUTH_GOOGLE_ID ? ["https://accounts.google.com"] : [])];
}

export function securityHeaders(csp: string, production: boolean): Record<string, string> {
  return {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    // Browsers only honour HSTS over HTTPS; production is expected behind TLS.
    ...(production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** A fresh nonce per request: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
