import { BlockList, isIP } from "node:net";

/**
 * Which proxies in front of Agora may say who the client is (AGORA_TRUSTED_PROXIES):
 * none (X-Forwarded-For and X-Real-IP are ignored), a number of proxy hops, or the address
 * ranges the proxies live in.
 */
export type TrustedProxies = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "ranges"; ranges: BlockList };

/** What a request says about where it came from. */
export interface RequestOrigin {
  /** The address of the socket's other end: the client, or the nearest proxy. */
  peer: string | null | undefined;
  forwardedFor: string | null | undefined;
  realIp: string | null | undefined;
}

/**
 * The request header that carries the socket's peer address to the app's code. Next.js's App
 * Router hands route handlers and server actions no socket (NextRequest.ip is gone since 15, and
 * Next.js fills X-Forwarded-For with the peer only when the client sent none), so the server
 * writes the address here (lib/http/peer.ts), replacing whatever the client sent under that name.
 */
export const PEER_HEADER = "x-agora-peer";

const NONE: TrustedProxies = { kind: "none" };

/** Parses AGORA_TRUSTED_PROXIES: "1" (hops) or "10.0.0.0/8, 2001:db8::/32, 127.0.0.1"; null when malformed. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies | null {
  const text = value?.trim();
  if (!text || text === "0") return NONE;
  if (/^\d+$/.test(text)) return { kind: "hops", hops: Number(text) };
  const ranges = new BlockList();
  for (const part of text.split(",")) {
    const [address, prefix, ...rest] = part.trim().split("/");
    const ip = normalizeAddress(address ?? "");
    const family = ip ? isIP(ip) : 0;
    if (!ip || !family || rest.length > 0) return null;
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      ranges.addAddress(ip, type);
      continue;
    }
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!(bits <= (family === 4 ? 32 : 128))) return null;
    ranges.addSubnet(ip, bits, type);
  }
  return { kind: "ranges", ranges };
}

/**
 * The client's address, as far as the trusted proxies vouch for it. Without trust, the
 * socket's peer; with N hops, the Nth address from the right of [...X-Forwarded-For, peer]
 * (the leftmost when there are fewer); with ranges, the first address from the right that is
 * not a trusted proxy, and only if the peer itself is one. X-Real-IP counts only when a trusted
 * peer sent no X-Forwarded-For (a proxy that sets it overwrites what the client wrote).
 */
export function clientAddress(origin: RequestOrigin, trusted: TrustedProxies): string | null {
  const peer = normalizeAddress(origin.peer ?? "");
  if (trusted.kind === "none" || !peer || (trusted.kind === "ranges" && !isTrusted(peer, trusted.ranges))) return peer;
  const forwarded = (origin.forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (forwarded.length === 0) return normalizeAddress(origin.realIp ?? "") ?? peer;
  // Nearest first: the peer, then what each proxy appended, back towards the client.
  const chain = [peer, ...forwarded.reverse()];
  if (trusted.kind === "hops") {
    // A proxy writes only well-formed addresses; anything else came from the client's side.
    return normalizeAddress(chain[Math.min(trusted.hops, chain.length - 1)]!) ?? peer;
  }
  let nearest = peer;
  for (const entry of chain.slice(1)) {
    const address = normalizeAddress(entry);
    if (!address) return nearest;
    if (!isTrusted(address, trusted.ranges)) return address;
    nearest = address;
  }
  return nearest;
}

function isTrusted(address: string, ranges: BlockList): boolean {
  return ranges.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/**
 * A bare address from what proxies write: without brackets, port or zone, IPv4-mapped IPv6
 * (as Node reports IPv4 peers on a dual-stack socket) as plain IPv4; null when not an address.
 */
export function normalizeAddress(value: string): string | null {
  let text = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/%.*$/, "").toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (mapped) text = mapped[1]!;
  return isIP(text) ? text : null;
}

let fromEnvironment: { value: string | undefined; trusted: TrustedProxies } | undefined;

/** AGORA_TRUSTED_PROXIES, parsed once; a malformed value trusts nobody (and says so in the log). */
export function trustedProxies(): TrustedProxies {
  const value = process.env.AGORA_TRUSTED_PROXIES;
  if (fromEnvironment && fromEnvironment.value === value) return fromEnvironment.trusted;
  const parsed = parseTrustedProxies(value);
  if (!parsed)
    console.error(
      `AGORA_TRUSTED_PROXIES=${JSON.stringify(value)} is neither a number of hops nor a list of addresses and CIDR ranges; X-Forwarded-For is ignored.`,
    );
  const trusted = parsed ?? NONE;
  fromEnvironment = { value, trusted };
  return trusted;
}
