import { headers } from "next/headers";

import { clientAddress, PEER_HEADER, trustedProxies, type TrustedProxies } from "./client-ip";

/** The public origin set in AGORA_URL (set it behind a proxy that rewrites Host), if any. */
export function configuredOrigin(): string | null {
  return process.env.AGORA_URL ? new URL(process.env.AGORA_URL).origin : null;
}

/**
 * The site's public origin for links in mails: AGORA_URL when configured, else what the
 * request itself says.
 */
export async function siteOrigin(): Promise<string> {
  const configured = configuredOrigin();
  if (configured) return configured;
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

/**
 * The client's address for per-IP limits: the socket's peer (stamped by the server, see
 * lib/http/peer.ts), or what the proxies named in AGORA_TRUSTED_PROXIES say of it.
 */
export async function clientIp(): Promise<string> {
  return clientIpOf(await headers());
}

/** clientIp() for a request's headers. */
export function clientIpOf(h: Pick<Headers, "get">, trusted: TrustedProxies = trustedProxies()): string {
  const origin = { peer: h.get(PEER_HEADER), forwardedFor: h.get("x-forwarded-for"), realIp: h.get("x-real-ip") };
  return clientAddress(origin, trusted) ?? "unknown";
}

/** Only same-site paths are allowed as a return address after sign-in (no open redirects). */
export function safeReturnPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}

/**
 * Whether a state-changing request comes from our own pages: browsers send Origin on POST;
 * its host must be this site's (AGORA_URL's, or the Host the request came in on).
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return false;
  const configured = configuredOrigin();
  if (configured) return origin === configured;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
