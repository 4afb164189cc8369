import { NextResponse, type NextRequest } from "next/server";

/**
 * While PostgreSQL is down, the proxy asks this very server to render the page once more,
 * marked with a secret of this process: that render skips the database check and either
 * succeeds from cached data (lib/cache) or fails, and only a success is passed on.
 */
const HEADER = "x-agora-cache-only";
const secret = crypto.randomUUID();

/** The marked render the proxy itself asked for. */
export function isCacheOnlyRender(request: NextRequest): boolean {
  return request.headers.get(HEADER) === secret;
}

// Set by the response itself, or wrong once the body was decoded by fetch.
const DROPPED = ["content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive"];

/** The page rendered without the database, or null when it needs it (or is not a page read). */
export async function renderFromCache(request: NextRequest): Promise<NextResponse | null> {
  // `next start` records the port it listens on.
  const port = process.env.PORT;
  if (request.method !== "GET" || !port) return null;
  const headers = new Headers(request.headers);
  headers.set(HEADER, secret);
  headers.delete("accept-encoding");
  const url = `http://127.0.0.1:${port}${request.nextUrl.pathname}${request.nextUrl.search}`;
  const response = await fetch(url, { headers, redirect: "manual", signal: AbortSignal.timeout(10_000) }).catch(() => null);
  if (!response || response.status !== 200) {
    await response?.body?.cancel();
    return null;
  }
  const outgoing = new Headers(response.headers);
  for (const name of DROPPED) outgoing.delete(name);
  outgoing.set("cache-control", "no-store");
  outgoing.set("x-agora-served", "cache");
  return new NextResponse(await response.arrayBuffer(), { status: 200, headers: outgoing });
}
