/**
 * Purges configured HTTP caches (Varnish with xkey, see deploy/varnish.vcl) by surrogate key:
 * `AGORA_PURGE_URLS` lists their purge endpoints, comma-separated. A cache that is down never
 * fails the write that changed the page: the purge is retried a few times in the background and
 * logged, and the page's s-maxage bounds how long a missed purge can leave it stale.
 */
const RETRY_DELAYS_MS = [500, 1_000, 2_000, 4_000, 8_000];

export function purgeUrls(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.AGORA_PURGE_URLS ?? "")
    .split(",")
    .map((url) => url.trim())
    .filter(Boolean);
}

async function purgeOnce(url: string, tags: string[]): Promise<void> {
  const response = await fetch(url, { method: "PURGE", headers: { "xkey-purge": tags.join(" ") }, signal: AbortSignal.timeout(5_000) });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
}

/** Sends the purge to every endpoint; resolves when each has taken it or given up. */
export async function purgeHttpCaches(tags: string[], urls = purgeUrls()): Promise<void> {
  if (tags.length === 0) return;
  await Promise.all(
    urls.map(async (url) => {
      for (let attempt = 0; ; attempt++) {
        try {
          await purgeOnce(url, tags);
          if (attempt > 0) console.warn(`Purge of ${tags.join(" ")} at ${url} went through on attempt ${attempt + 1}.`);
          return;
        } catch (error) {
          const delay = RETRY_DELAYS_MS[attempt];
          if (delay === undefined) {
            console.error(`Purge of ${tags.join(" ")} at ${url} failed for good; the pages expire by their s-maxage.`, error);
            return;
          }
          console.warn(
            `Purge of ${tags.join(" ")} at ${url} failed (${error instanceof Error ? error.message : error}); retrying in ${delay} ms.`,
          );
          await new Promise((resolve) => setTimeout(resolve, delay));
        }
      }
    }),
  );
}
