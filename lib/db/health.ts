import pg from "pg";

const CACHE_OK_MS = 2_000;
const CACHE_DOWN_MS = 1_000;

let pool: pg.Pool | undefined;
let last: { ok: boolean; at: number } | undefined;
let checking: Promise<boolean> | undefined;

/**
 * Whether PostgreSQL answers right now. Cached for a moment so that the check in
 * front of every request costs nothing while the database is healthy.
 */
export async function databaseReachable(): Promise<boolean> {
  const now = Date.now();
  if (last && now - last.at < (last.ok ? CACHE_OK_MS : CACHE_DOWN_MS)) return last.ok;
  // Requests arriving together share one check: each running its own on the one connection, a
  // burst of readers queued past the connect timeout and the site answered 503 to a healthy database.
  checking ??= check().finally(() => (checking = undefined));
  return checking;
}

async function check(): Promise<boolean> {
  const url = process.env.DATABASE_URL;
  if (!url) return false;
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 1_500, idleTimeoutMillis: 10_000 });
    // An idle connection that PostgreSQL ends (a restart) is reported here; the next check reconnects.
    pool.on("error", () => undefined);
  }
  let ok = false;
  try {
    await pool.query("SELECT 1");
    ok = true;
  } catch {
    ok = false;
  }
  last = { ok, at: Date.now() };
  return ok;
}
