/**
 * `npm run db:restore -- [--force] <file>`: restores a backup of `npm run db:backup` into the
 * database of DATABASE_URL, or without it into the embedded PostgreSQL's database "agora". The
 * database must be new or empty; --force drops everything in it first. Stop the app before.
 */
import { restoreBackup } from "../lib/db/backup/restore";
import { runDatabaseCommand } from "./database-command";

await runDatabaseCommand(
  { usage: "Usage: npm run db:restore -- [--force] <file>", options: { force: { type: "boolean" } }, needsExistingCluster: false },
  async ({ databaseUrl, file, flags }) => {
    await restoreBackup({ databaseUrl, file, force: flags.force === true, log: console.log });
  },
);
