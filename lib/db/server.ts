import path from "node:path";
import pg from "pg";

import { startEmbeddedPostgres, type PostgresServer } from "./embedded";

/** Where the app's own embedded cluster lives when no DATABASE_URL is configured. */
export const DEFAULT_DATA_DIR = path.resolve(process.cwd(), ".data", "postgres");

/** Names the database in a URL; the server part is kept. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

/** Creates the database named in url when it does not exist yet (connecting to the server's "postgres" database). */
export async function createDatabaseIfMissing(url: string): Promise<void> {
  const name = databaseName(url);
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } catch (error) {
    // Two processes may race to create it; the loser's error is harmless. PostgreSQL reports the
    // race as duplicate_database, or as a unique violation in pg_database when both got past the check.
    if (!["42P04", "23505"].includes((error as { code?: string }).code ?? "")) throw error;
  } finally {
    await client.end();
  }
}

/** DATABASE_URL's server, which this process neither starts nor stops. */
function configuredServer(url: string): PostgresServer {
  return { url: (db) => withDatabase(url, db), stop: async () => {} };
}

/**
 * A server to make throwaway databases on (tests, e2e, bench): DATABASE_URL's server when set,
 * else an embedded cluster in `dataDir` that trades durability for speed.
 */
export async function scratchServer(dataDir: string): Promise<PostgresServer> {
  const configured = process.env.DATABASE_URL;
  return configured ? configuredServer(configured) : startEmbeddedPostgres({ dataDir: path.resolve(dataDir), fast: true });
}

/** A server for DATABASE_URL when set, else the embedded cluster under .data/; the database is created unless `createDatabase: false`. */
export async function resolveServer(options: { dataDir?: string; log?: (m: string) => void; createDatabase?: boolean } = {}): Promise<{
  server: PostgresServer;
  databaseUrl: string;
  embedded: boolean;
}> {
  const configured = process.env.DATABASE_URL;
  const create = options.createDatabase ?? true;
  if (configured) {
    if (create) await createDatabaseIfMissing(configured);
    return {
      server: configuredServer(configured),
      databaseUrl: configured,
      embedded: false,
    };
  }
  const server = await startEmbeddedPostgres({ dataDir: options.dataDir ?? DEFAULT_DATA_DIR, log: options.log });
  const databaseUrl = server.url("agora");
  if (create) await createDatabaseIfMissing(databaseUrl);
  return { server, databaseUrl, embedded: true };
}
