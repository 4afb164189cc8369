import http, { type IncomingMessage } from "node:http";
import https from "node:https";

import { PEER_HEADER } from "./client-ip";

/** For a server that owns the socket (a custom server in front of Next.js's handler). */
export function stampPeerAddress(request: IncomingMessage) {
  request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "";
}

const globalForPeer = globalThis as unknown as { agoraPeerStamped?: boolean };

/**
 * Stamps every request this process's HTTP servers receive, before any handler sees it: for
 * `next dev` and `next start`, whose server we do not own (the production server, scripts/server.ts,
 * stamps its own requests). Works around Next.js exposing no peer address; called once from
 * instrumentation.ts.
 */
export function stampPeerOnEveryRequest() {
  if (globalForPeer.agoraPeerStamped) return;
  globalForPeer.agoraPeerStamped = true;
  for (const prototype of [http.Server.prototype, https.Server.prototype]) {
    const emit = prototype.emit as (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
    prototype.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") stampPeerAddress(args[0] as IncomingMessage);
      return emit.call(this, event, ...args);
    } as typeof prototype.emit;
  }
}
