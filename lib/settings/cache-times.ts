import { z } from "zod";

/**
 * The site settings that say how long caches may keep a signed-out page. A module of their own
 * because the page cache in front of Next.js (scripts/server.ts) reads them without loading the
 * rest of the app's data layer.
 */
export const cacheTimeSettings = {
  /** How long HTTP caches in front (and this server's page cache) may serve a signed-out page without asking again (s-maxage); writes purge it sooner. */
  cacheSharedMaxAgeSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600)
    .default(300),
  /** How long after that a cache may still serve the old page while it fetches the new one (stale-while-revalidate). */
  cacheStaleWhileRevalidateSeconds: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 3600)
    .default(60),
  /** How long a cache may serve the old page while the server answers with errors (stale-if-error). */
  cacheStaleIfErrorSeconds: z
    .number()
    .int()
    .min(0)
    .max(30 * 24 * 3600)
    .default(86_400),
};

const schema = z.object(cacheTimeSettings);

/** The cache times from stored rows (key, JSON value); an invalid value falls back to its default alone. */
export function cacheTimesFromRows(rows: Array<{ key: string; value: unknown }>) {
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    const field = cacheTimeSettings[row.key as keyof typeof cacheTimeSettings];
    if (field?.safeParse(row.value).success) stored[row.key] = row.value;
  }
  return schema.parse(stored);
}
