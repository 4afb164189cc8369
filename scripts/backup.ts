/**
 * `npm run db:backup -- <file>`: writes a consistent backup of the database of DATABASE_URL, or
 * without it of the embedded PostgreSQL under .data/postgres, to <file> (see docs/operations.md,
 * "Backup and restore"). The app may keep running meanwhile.
 */
import { createBackup } from "../lib/db/backup/dump";
import { runDatabaseCommand } from "./database-command";

await runDatabaseCommand(
  { usage: "Usage: npm run db:backup -- <file>", options: {}, needsExistingCluster: true },
  async ({ databaseUrl, file }) => {
    await createBackup({ databaseUrl, file, log: console.log });
  },
);
