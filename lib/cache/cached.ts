import { FRESH_READ_COOKIE } from "./tags";

/**
 * What the public pages read is cached in the server's memory and thrown away by tag when
 * it changes (lib/cache/invalidate.ts), so an anonymous reader's page costs no database
 * round trip, and a page already read keeps being served while the database is down.
 *
 * Next.js stores entries as JSON, which would hand back Dates as strings on a hit but as
 * Dates on a miss; entries are therefore stored with Dates marked and revived on the way out.
 */
export function cachedRead<Args extends unknown[], Result>(
  name: string,
  read: (...args: Args) => Promise<Result>,
  options: { tags: (...args: Args) => string[]; revalidate?: number },
): (...args: Args) => Promise<Result> {
  return async (...args: Args) => {
    // Outside the Next.js server (tests, scripts) there is no cache to keep entries in.
    if (!process.env.NEXT_RUNTIME || (await wantsFreshRead())) return read(...args);
    // Loaded here, not at the top: scripts, the bench and the browser tests import this module's
    // users (settings, queries) in plain Node, where next/cache cannot be resolved.
    const { unstable_cache } = await import("next/cache");
    const cached = unstable_cache(async (...inner: Args) => encode(await read(...inner)), [name], {
      tags: options.tags(...args),
      revalidate: options.revalidate,
    });
    return decode(await cached(...args)) as Result;
  };
}

async function wantsFreshRead(): Promise<boolean> {
  try {
    const { cookies } = await import("next/headers");
    return (await cookies()).has(FRESH_READ_COOKIE);
  } catch {
    // Not in a request (a timer or script): nothing asked for it.
    return false;
  }
}

const DATE = "$agoraDate";

function encode(value: unknown): unknown {
  if (value instanceof Date) return { [DATE]: value.toISOString() };
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item)]));
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]![0] === DATE) return new Date(entries[0]![1] as string);
    return Object.fromEntries(entries.map(([key, item]) => [key, decode(item)]));
  }
  return value;
}
