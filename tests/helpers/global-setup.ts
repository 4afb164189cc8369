import type { TestProject } from "vitest/node";

import { runPrismaCli } from "@/lib/db/prisma-cli";
import { createDatabaseIfMissing, scratchServer } from "@/lib/db/server";

import { dropDatabase, TEMPLATE_PREFIX } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    /** URL of the "postgres" database on the test server (used to create and drop test databases). */
    pgAdminUrl: string;
    /** A database with all migrations applied; each test file copies it as a template. */
    templateDatabase: string;
  }
}

/**
 * One PostgreSQL server for the whole run: the server of DATABASE_URL when set,
 * else an embedded cluster under .data/test-postgres. The migrations are applied
 * once, to a template database that every test file clones into its own fresh database.
 */
export default async function setup(project: TestProject) {
  const server = await scratchServer(".data/test-postgres");
  const adminUrl = server.url("postgres");
  const template = `${TEMPLATE_PREFIX}${process.pid}_${Date.now()}`;
  const templateUrl = server.url(template);
  await createDatabaseIfMissing(templateUrl);
  const code = await runPrismaCli(["migrate", "deploy"], { DATABASE_URL: templateUrl });
  if (code !== 0) throw new Error(`Migrating the test template database failed (exit ${code}).`);

  project.provide("pgAdminUrl", adminUrl);
  project.provide("templateDatabase", template);

  return async () => {
    await dropDatabase(adminUrl, template);
    await server.stop();
  };
}
