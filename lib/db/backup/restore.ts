import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

import { PREPARE_LOCK_KEY, withAdvisoryLock } from "../lock";
import { runPrismaCli } from "../prisma-cli";
import { createDatabaseIfMissing } from "../server";
import { codeMigrations, MIGRATIONS_DIR, MIGRATIONS_TABLE } from "./catalog";
import { BackupReader, verifyBackupFile, type BackupHeader } from "./format";
import { copyTarget, inTransaction, quote } from "./session";

/** A restore that was refused before anything was written (non-empty target, unknown migrations). */
export class RestoreRefusedError extends Error {}

export interface RestoreSummary {
  header: BackupHeader;
  rows: number;
  /** Migrations of this code that the backup did not have, applied after loading its rows. */
  newerMigrations: string[];
}

/**
 * Restores a backup into the database at `databaseUrl`, which must be new or empty (or `force`:
 * everything in its public schema is dropped first). The file is read through once before
 * anything is touched; then the backup's own migrations are applied, its rows loaded in one
 * transaction, and the migrations this code has beyond the backup applied to them.
 */
export async function restoreBackup({
  databaseUrl,
  file,
  force = false,
  migrationsDir = MIGRATIONS_DIR,
  log = () => {},
}: {
  databaseUrl: string;
  file: string;
  force?: boolean;
  /** The migrations this code knows. */
  migrationsDir?: string;
  log?: (message: string) => void;
}): Promise<RestoreSummary> {
  const header = await verifyBackupFile(file);
  log(
    `Backup of ${header.createdAt} (${header.server}): ${header.tables.length} tables, ${header.migrations.length} migrations; file intact.`,
  );
  const known = codeMigrations(migrationsDir);
  const unknown = header.migrations.filter((name) => !known.includes(name));
  if (unknown.length) {
    throw new RestoreRefusedError(
      `The backup was made by a newer Agora: this code lacks the migrations ${unknown.join(", ")}. Update Agora, then restore.`,
    );
  }
  const newerMigrations = known.filter((name) => !header.migrations.includes(name));

  await createDatabaseIfMissing(databaseUrl);
  // An app instance starting meanwhile waits, instead of migrating and seeding a half-restored database.
  await withAdvisoryLock(databaseUrl, PREPARE_LOCK_KEY, async () => {
    await clearTarget(databaseUrl, force, log);
    await applyMigrations(databaseUrl, header.migrations, migrationsDir);
    await loadRows(databaseUrl, file, header);
    if (newerMigrations.length) {
      log(`Applying ${newerMigrations.length} migrations newer than the backup: ${newerMigrations.join(", ")}.`);
      await applyMigrations(databaseUrl, known, migrationsDir);
    }
  });
  const rows = header.tables.reduce((sum, table) => sum + table.rows, 0);
  log(`Restored ${rows} rows in ${header.tables.length} tables; row counts match the backup.`);
  return { header, rows, newerMigrations };
}

/**
 * Empties the public schema for the backup's migrations. A database without tables is used as
 * it is; one whose tables hold no rows (a failed restore, a bare `migrate deploy`) is cleared, as
 * nothing can be lost; one with rows is refused unless `force`.
 */
async function clearTarget(url: string, force: boolean, log: (message: string) => void): Promise<void> {
  await inTransaction(url, "BEGIN", async (client) => {
    const {
      rows: [contents],
    } = await client.query<{ objects: number }>(
      `SELECT (SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace)::int
            + (SELECT count(*) FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typtype IN ('e', 'd'))::int
            + (SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace)::int AS objects`,
    );
    if (!contents?.objects) return;
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND relname <> $1 ORDER BY relname`,
      [MIGRATIONS_TABLE],
    );
    const withRows: string[] = [];
    for (const { name } of tables) {
      const {
        rows: [row],
      } = await client.query<{ found: boolean }>(`SELECT EXISTS (SELECT FROM ${quote(name)}) AS found`);
      if (row?.found) withRows.push(name);
    }
    const database = client.database ?? "";
    if (withRows.length && !force) {
      throw new RestoreRefusedError(
        `The database ${database} is not empty: ${withRows.length} tables hold rows (${withRows.slice(0, 3).join(", ")}${withRows.length > 3 ? ", …" : ""}). ` +
          "Restore into a new or empty database, or add --force to drop everything in it first.",
      );
    }
    log(
      withRows.length
        ? `--force: dropping everything in the database ${database}.`
        : `The database ${database} has tables but no rows; dropping them to start afresh.`,
    );
    await recreatePublicSchema(client);
  });
}

/** DROP SCHEMA public CASCADE, then the schema again with its owner and grants as before. */
async function recreatePublicSchema(client: pg.Client): Promise<void> {
  const {
    rows: [schema],
  } = await client.query<{ owner: string }>(`SELECT nspowner::regrole::text AS owner FROM pg_namespace WHERE nspname = 'public'`);
  const { rows: grants } = await client.query<{ grantee: string; privilege: string }>(
    `SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END AS grantee, a.privilege_type AS privilege
       FROM pg_namespace n, aclexplode(n.nspacl) a WHERE n.nspname = 'public' AND a.grantee <> n.nspowner`,
  );
  // regrole's text is already a quoted identifier.
  await client.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public AUTHORIZATION ${schema?.owner ?? "CURRENT_USER"}`);
  for (const grant of grants) await client.query(`GRANT ${grant.privilege} ON SCHEMA public TO ${grant.grantee}`);
}

/** `prisma migrate deploy` with only the named migrations of this code, so the schema is the backup's. */
export async function applyMigrations(url: string, migrations: string[], from = MIGRATIONS_DIR): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), "agora-migrations-"));
  try {
    await cp(path.join(from, "migration_lock.toml"), path.join(dir, "migration_lock.toml"));
    for (const name of migrations) await cp(path.join(from, name), path.join(dir, name), { recursive: true });
    const code = await runPrismaCli(["migrate", "deploy"], { DATABASE_URL: url, AGORA_MIGRATIONS_DIR: dir });
    if (code !== 0) throw new Error(`Applying migrations failed (prisma migrate deploy exited with ${code}).`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Loads every table in one transaction, in the header's order (referenced tables first), and
 * checks each count. Triggers of our own stay off while loading: the rows already are what they
 * produced (the audit log's guard only refuses changes, but a future trigger might write).
 */
async function loadRows(url: string, file: string, header: BackupHeader): Promise<void> {
  const { reader } = await BackupReader.open(file);
  try {
    await inTransaction(url, "BEGIN", async (client) => {
      const names = header.tables.map((table) => table.name);
      // Migrations may insert rows of their own (defaults); the backup's rows replace them.
      if (names.length) await client.query(`TRUNCATE ${names.map(quote).join(", ")}`);
      await setUserTriggers(client, names, "DISABLE");
      for (const table of header.tables) {
        const copy = client.query(copyFrom(`COPY ${copyTarget(table)} FROM STDIN`));
        await pipeline(Readable.from(reader.tableData(table.name)), copy);
        if (copy.rowCount !== table.rows)
          throw new Error(`Table ${table.name}: loaded ${copy.rowCount} rows, the backup has ${table.rows}.`);
      }
      await setUserTriggers(client, names, "ENABLE");
      for (const sequence of header.sequences) {
        await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [quote(sequence.name), sequence.value, sequence.isCalled]);
      }
    });
  } catch (error) {
    if (error instanceof pg.DatabaseError)
      throw new Error(
        `Loading the backup failed, nothing was loaded: ${error.message}${error.where ? ` (${error.where.split("\n")[0]})` : ""}`,
      );
    throw error;
  } finally {
    reader.close();
  }
}

async function setUserTriggers(client: pg.Client, tables: string[], state: "ENABLE" | "DISABLE"): Promise<void> {
  const { rows } = await client.query<{ table: string }>(
    `SELECT DISTINCT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
      WHERE NOT t.tgisinternal AND c.relnamespace = 'public'::regnamespace`,
  );
  for (const { table } of rows) if (tables.includes(table)) await client.query(`ALTER TABLE ${quote(table)} ${state} TRIGGER USER`);
}
