import { Redis } from "ioredis";

import type { RateLimitStore } from "./types";

const PREFIX = "agora:ratelimit:";

/** Counters in Redis: INCR and PEXPIRE NX in one MULTI, so the window starts with the first hit. */
export function redisStore(url: string): RateLimitStore & { close(): Promise<void> } {
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 2 });
  return {
    async hit(key, windowMs) {
      const results = await redis
        .multi()
        .incr(PREFIX + key)
        .pexpire(PREFIX + key, windowMs, "NX")
        .pttl(PREFIX + key)
        .exec();
      const [[incrError, hits], , [ttlError, ttl]] = results as [[Error | null, number], unknown, [Error | null, number]];
      if (incrError || ttlError) throw incrError ?? ttlError;
      return { hits, resetAt: new Date(Date.now() + Math.max(0, ttl)) };
    },
    async peek(key) {
      const [hits, ttl] = await Promise.all([redis.get(PREFIX + key), redis.pttl(PREFIX + key)]);
      return hits === null || ttl <= 0 ? null : { hits: Number(hits), resetAt: new Date(Date.now() + ttl) };
    },
    async reset(key) {
      await redis.del(PREFIX + key);
    },
    async close() {
      await redis.quit();
    },
  };
}
