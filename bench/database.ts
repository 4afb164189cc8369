import { randomBytes } from "node:crypto";
import path from "node:path";
import { createPrismaClient } from "../lib/db/client";
import { startEmbeddedPostgres, type PostgresServer } from "../lib/db/embedded";
import { prepareDatabase } from "../lib/db/prepare";
import { withDatabase } from "../lib/db/server";
import { dropDatabase } from "../tests/helpers/postgres";

/**
 * A throwaway, migrated database for a benchmark: on DATABASE_URL's server, or on an embedded
 * PostgreSQL under .data/bench-postgres. `dispose` drops it and stops what was started.
 */
export async function benchDatabase() {
  const configured = process.env.DATABASE_URL;
  const server: PostgresServer = configured
    ? { url: (name) => withDatabase(configured, name), stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: path.resolve(".data/bench-postgres"), fast: true });
  const database = `agora_bench_${randomBytes(4).toString("hex")}`;
  process.env.DATABASE_URL = server.url(database);
  process.env.AGORA_DEMO_ACCOUNTS = "0";
  const prepared = await prepareDatabase({ production: false });
  const db = createPrismaClient(prepared.databaseUrl);
  return {
    db,
    databaseUrl: prepared.databaseUrl,
    embedded: !configured,
    dispose: async () => {
      await db.$disconnect();
      await prepared.stop();
      await dropDatabase(server.url("postgres"), database).catch(() => {});
      await server.stop();
    },
  };
}
