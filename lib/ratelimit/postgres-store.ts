import type { Db } from "@/lib/db/client";

import type { RateLimitStore, WindowCount } from "./types";

/**
 * Counters in the RateLimit table. Each hit is one atomic upsert, so app instances sharing
 * the database never lose a count; an expired window starts again at 1.
 */
export function postgresStore(db: Db): RateLimitStore {
  return {
    async hit(key, windowMs) {
      const resetAt = new Date(Date.now() + windowMs);
      const rows = await db.$queryRaw<WindowCount[]>`
        INSERT INTO "RateLimit" ("key", "hits", "resetAt") VALUES (${key}, 1, ${resetAt})
        ON CONFLICT ("key") DO UPDATE SET
          "hits" = CASE WHEN "RateLimit"."resetAt" <= now() THEN 1 ELSE "RateLimit"."hits" + 1 END,
          "resetAt" = CASE WHEN "RateLimit"."resetAt" <= now() THEN EXCLUDED."resetAt" ELSE "RateLimit"."resetAt" END
        RETURNING "hits", "resetAt"`;
      // Now and then, sweep windows that ended long ago so the table stays small.
      if (Math.random() < 0.01) await db.rateLimit.deleteMany({ where: { resetAt: { lt: new Date(Date.now() - 60 * 60_000) } } });
      return rows[0]!;
    },
    async peek(key) {
      const row = await db.rateLimit.findUnique({ where: { key } });
      return row && row.resetAt > new Date() ? { hits: row.hits, resetAt: row.resetAt } : null;
    },
    async reset(key) {
      await db.rateLimit.deleteMany({ where: { key } });
    },
  };
}
