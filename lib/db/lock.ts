import pg from "pg";

/** The lock every Agora start takes while it migrates and seeds (an arbitrary, fixed 64-bit key). */
export const PREPARE_LOCK_KEY = 4_207_310_226_001n;

/**
 * Runs `fn` while holding a PostgreSQL session advisory lock on the database: a second app
 * instance starting at the same moment waits here instead of migrating alongside the first,
 * then finds nothing left to do. The lock ends with the session, also if this process dies.
 */
export async function withAdvisoryLock<T>(databaseUrl: string, key: bigint, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [key.toString()]);
    return await fn();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [key.toString()]).catch(() => {});
    await client.end();
  }
}
