import { seed } from "../../prisma/seed";
import { DEMO_ACCOUNTS } from "../../prisma/seed/demo";
import { createPrismaClient } from "./client";
import { PREPARE_LOCK_KEY, withAdvisoryLock } from "./lock";
import { runPrismaCli } from "./prisma-cli";
import { resolveServer } from "./server";

export interface PreparedDatabase {
  databaseUrl: string;
  stop: () => Promise<void>;
  demoAccounts: typeof DEMO_ACCOUNTS;
}

/**
 * Gets a database ready to serve: a server (DATABASE_URL or embedded), the committed
 * migrations applied, and the seed. Everything here is safe to repeat on every start.
 */
export async function prepareDatabase({
  production,
  log = () => {},
}: {
  production: boolean;
  log?: (message: string) => void;
}): Promise<PreparedDatabase> {
  if (production && process.env.AGORA_DEMO_ACCOUNTS === "1") {
    throw new Error("Refusing to create demo accounts with published passwords in production (unset AGORA_DEMO_ACCOUNTS).");
  }
  const demo = !production && process.env.AGORA_DEMO_ACCOUNTS !== "0";
  const { server, databaseUrl, embedded } = await resolveServer({ log: process.env.DEBUG ? log : undefined });
  if (embedded) log("Using the embedded PostgreSQL under .data/postgres (set DATABASE_URL to use your own).");

  try {
    // Two instances started together against one database must not both migrate.
    await withAdvisoryLock(databaseUrl, PREPARE_LOCK_KEY, async () => {
      const code = await runPrismaCli(["migrate", "deploy"], { DATABASE_URL: databaseUrl });
      if (code !== 0) throw new Error(`Applying migrations failed (prisma migrate deploy exited with ${code}).`);
      const db = createPrismaClient(databaseUrl);
      try {
        await seed(db, { demo });
      } finally {
        await db.$disconnect();
      }
    });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { databaseUrl, stop: () => server.stop(), demoAccounts: demo ? DEMO_ACCOUNTS : [] };
}
