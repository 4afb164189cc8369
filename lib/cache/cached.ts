import { notePageTags } from "./render-tags";
import { cachesTrusted } from "./trust";

/**
 * What the public pages read, kept in this server process's memory and thrown away by tag when
 * it changes (lib/cache/invalidate.ts): an anonymous reader's article page then costs no
 * database round trip, and a page already read is still served while the database is down.
 *
 * Our own small store rather than Next.js's unstable_cache: under 90 s of the soak test
 * (npm run soak) the server with unstable_cache grew steadily (543 → 1,141 MiB and rising),
 * with this store it levels off (~800 MiB), as without any cache (~740 MiB). Every tag has a
 * version and an entry remembers the versions it was read under, so a write during a read
 * invalidates that read's entry too; expiring works from anywhere in the process, not only in a
 * server action; and the store is bounded by size (64 MB of JSON).
 */
interface Entry {
  value: unknown;
  /** The versions of the entry's tags when it was read, in the order the tags are named. */
  versions: number[];
  at: number;
  size: number;
}

const MAX_BYTES = 64 * 1024 * 1024;
const SHARED_READ_WAIT_MS = 10_000;

const store = ((globalThis as unknown as { agoraReadCache?: ReturnType<typeof newStore> }).agoraReadCache ??= newStore());

function newStore() {
  return { entries: new Map<string, Entry>(), versions: new Map<string, number>(), bytes: 0, reading: new Map<string, Promise<unknown>>() };
}

const versionOf = (tag: string) => store.versions.get(tag) ?? 0;

/** Everything read under `tag` is read afresh next time. */
export function expireTag(tag: string) {
  store.versions.set(tag, versionOf(tag) + 1);
}

/** Everything is read afresh: this instance may have missed other instances' writes. */
export function expireAllReads() {
  store.entries.clear();
  store.bytes = 0;
}

function remember(key: string, entry: Entry) {
  const old = store.entries.get(key);
  if (old) store.bytes -= old.size;
  store.entries.delete(key);
  store.entries.set(key, entry);
  store.bytes += entry.size;
  // A Map keeps insertion order: the first entries are the least recently used.
  for (const [oldest, { size }] of store.entries) {
    if (store.bytes <= MAX_BYTES) break;
    store.entries.delete(oldest);
    store.bytes -= size;
  }
}

export function cachedRead<Args extends unknown[], Result>(
  name: string,
  read: (...args: Args) => Promise<Result>,
  options: { tags: (...args: Args) => string[]; maxAgeSeconds?: number },
): (...args: Args) => Promise<Result> {
  const maxAge = (options.maxAgeSeconds ?? 60) * 1000;
  return async (...args: Args) => {
    // Outside the Next.js server (tests, scripts) every read goes to the database.
    if (!process.env.NEXT_RUNTIME || process.env.AGORA_DATA_CACHE === "off") return read(...args);
    const tags = options.tags(...args);
    await notePageTags(tags);
    const key = `${name}:${JSON.stringify(args)}`;
    const versions = tags.map(versionOf);
    const hit = store.entries.get(key);
    // Without its LISTEN connection this instance may have missed a change: read, and use the copy only if that fails.
    if (!cachesTrusted()) return read(...args).catch((error: unknown) => (hit ? (hit.value as Result) : Promise.reject(error)));
    if (hit && Date.now() - hit.at < maxAge && hit.versions.every((version, i) => version === versions[i])) {
      store.entries.delete(key);
      store.entries.set(key, hit);
      return hit.value as Result;
    }
    // Readers arriving together share one read (without this, each change of a busy article sent
    // every waiting reader to the database at once, and the server's memory grew under the soak
    // test). One that waits too long on another's read does its own.
    const readKey = `${key}@${versions.join(",")}`;
    let pending = store.reading.get(readKey) as Promise<Result> | undefined;
    if (pending) {
      pending = Promise.race([
        pending,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("shared read too slow")), SHARED_READ_WAIT_MS).unref()),
      ]).catch(() => read(...args));
    } else {
      pending = read(...args).then((value) => {
        remember(key, { value, versions, at: Date.now(), size: JSON.stringify(value)?.length ?? 1 });
        return value;
      });
      store.reading.set(readKey, pending);
      void pending.finally(() => store.reading.delete(readKey)).catch(() => undefined);
    }
    try {
      return await pending;
    } catch (error) {
      // The database is unreachable: what was read before beats an error page.
      if (hit) return hit.value as Result;
      throw error;
    }
  };
}
