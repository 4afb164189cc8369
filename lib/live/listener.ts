import pg from "pg";

import { expireAllReads } from "@/lib/cache/cached";
import { INSTANCE_ID } from "@/lib/cache/instance";
import { expireLocally, parseExpiry } from "@/lib/cache/invalidate";
import { expireAllPages } from "@/lib/cache/page-store";
import { CACHE_CHANNEL } from "@/lib/cache/tags";
import { setListening } from "@/lib/cache/trust";

import { LIVE_CHANNEL, parseLiveEvent, type LiveEvent } from "./events";

type Subscriber = (event: LiveEvent) => void;

export interface LiveListener {
  /** Calls `fn` for every event of the article until the returned function is called. */
  subscribe(articleId: string, fn: Subscriber): () => void;
  /** Resolves once the LISTEN is in place (connecting if needed). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const MAX_BACKOFF_MS = 10_000;

/**
 * One PostgreSQL connection per app instance LISTENs on the live channel and fans events out
 * to the open pages of this instance. It connects on first use and reconnects with backoff
 * when the database goes away, so a restart of PostgreSQL heals by itself.
 *
 * The same connection hears which cache tags other instances expired (lib/cache/invalidate.ts).
 * While it is down this instance cannot know what changed, so its caches are not trusted
 * (lib/cache/trust.ts); once it is back, everything cached before is thrown away.
 */
export function createLiveListener(connectionString: string): LiveListener {
  const subscribers = new Map<string, Set<Subscriber>>();
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;
  let backoff = 1000;
  let retryTimer: NodeJS.Timeout | null = null;

  function deliver(message: pg.Notification) {
    if (message.channel === CACHE_CHANNEL) {
      // Its own writes this instance expired at once; expiring again would only throw away renders under way.
      const expiry = parseExpiry(message.payload);
      if (expiry && expiry.from !== INSTANCE_ID) expireLocally(expiry.tags);
      return;
    }
    if (message.channel !== LIVE_CHANNEL) return;
    const parsed = parseLiveEvent(message.payload);
    if (!parsed) return;
    // The pages refresh on this event: what they will read must be expired first.
    const { expire, from, ...event } = parsed;
    if (expire && from !== INSTANCE_ID) expireLocally(expire);
    for (const fn of subscribers.get(event.articleId) ?? []) {
      try {
        fn(event);
      } catch (error) {
        console.error("A live update subscriber failed:", error);
      }
    }
  }

  function scheduleReconnect() {
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect().catch(() => undefined);
    }, backoff);
    retryTimer.unref?.();
    backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
  }

  function connect(): Promise<void> {
    if (closed) return Promise.resolve();
    if (client) return Promise.resolve();
    connecting ??= (async () => {
      const next = new pg.Client({ connectionString });
      const lost = () => {
        if (client === next) {
          client = null;
          setListening(false);
        }
        next.removeAllListeners("notification");
        void next.end().catch(() => undefined);
        scheduleReconnect();
      };
      next.on("error", lost);
      next.on("end", () => {
        if (client === next) lost();
      });
      next.on("notification", deliver);
      try {
        await next.connect();
        await next.query(`LISTEN ${LIVE_CHANNEL}; LISTEN ${CACHE_CHANNEL}`);
      } catch (error) {
        next.removeAllListeners();
        next.on("error", () => undefined);
        await next.end().catch(() => undefined);
        scheduleReconnect();
        throw error;
      }
      if (closed) {
        await next.end().catch(() => undefined);
        return;
      }
      client = next;
      backoff = 1000;
      // Whatever changed while nobody listened is unknown: start the caches afresh.
      expireAllReads();
      expireAllPages();
      setListening(true);
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  }

  return {
    subscribe(articleId, fn) {
      let set = subscribers.get(articleId);
      if (!set) subscribers.set(articleId, (set = new Set()));
      set.add(fn);
      void connect().catch(() => undefined);
      return () => {
        set.delete(fn);
        if (set.size === 0) subscribers.delete(articleId);
      };
    },
    ready: () => connect(),
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      await connecting?.catch(() => undefined);
      const current = client;
      client = null;
      setListening(false);
      subscribers.clear();
      if (current) {
        current.removeAllListeners();
        current.on("error", () => undefined);
        await current.end().catch(() => undefined);
      }
    },
  };
}

const globalForLive = globalThis as unknown as { agoraLiveListener?: LiveListener };

/**
 * This instance's listener (kept across module reloads in development), on DATABASE_LISTEN_URL
 * when set: LISTEN needs a session of its own, which PgBouncer in transaction mode does not give,
 * so behind it this one connection goes to PostgreSQL directly.
 */
export function liveListener(): LiveListener {
  const url = process.env.DATABASE_LISTEN_URL || process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set.");
  globalForLive.agoraLiveListener ??= createLiveListener(url);
  return globalForLive.agoraLiveListener;
}
