import { randomBytes } from "node:crypto";

import { createPrismaClient } from "../lib/db/client";
import { prepareDatabase } from "../lib/db/prepare";
import { scratchServer } from "../lib/db/server";
import { dropDatabase } from "../tests/helpers/postgres";

/**
 * A throwaway, migrated database for a benchmark: on DATABASE_URL's server, or on an embedded
 * PostgreSQL under .data/bench-postgres. `dispose` drops it and stops what was started.
 */
export async function benchDatabase() {
  const embedded = !process.env.DATABASE_URL;
  const server = await scratchServer(".data/bench-postgres");
  const database = `agora_bench_${randomBytes(4).toString("hex")}`;
  process.env.DATABASE_URL = server.url(database);
  process.env.AGORA_DEMO_ACCOUNTS = "0";
  const prepared = await prepareDatabase({ production: false });
  const db = createPrismaClient(prepared.databaseUrl);
  return {
    db,
    databaseUrl: prepared.databaseUrl,
    embedded,
    dispose: async () => {
      await db.$disconnect();
      await prepared.stop();
      await dropDatabase(server.url("postgres"), database).catch(() => {});
      await server.stop();
    },
  };
}
