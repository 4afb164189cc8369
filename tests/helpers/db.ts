import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";

import { createPrismaClient, type Db } from "@/lib/db/client";
import { withDatabase } from "@/lib/db/server";

import { createDatabaseFromTemplate, dropDatabase } from "./postgres";

/**
 * A fresh, fully migrated database on the real PostgreSQL server of this run,
 * dropped after the calling file's tests. Also points DATABASE_URL at it, for
 * code under test that uses the app's shared client.
 */
export async function freshDatabase(): Promise<{ db: Db; url: string }> {
  const adminUrl = inject("pgAdminUrl");
  const name = `agora_test_${randomBytes(5).toString("hex")}`;
  await createDatabaseFromTemplate(adminUrl, name, inject("templateDatabase"));
  const url = withDatabase(adminUrl, name);
  process.env.DATABASE_URL = url;
  const db = createPrismaClient(url);
  afterAll(async () => {
    await db.$disconnect();
    await dropDatabase(adminUrl, name);
  });
  return { db, url };
}
