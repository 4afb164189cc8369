import { to as copyTo } from "pg-copy-streams";

import { appliedMigrations, readSchema } from "./catalog";
import { BACKUP_FORMAT, BACKUP_VERSION, BackupWriter, type BackupHeader } from "./format";
import { copyTarget, inTransaction, quote } from "./session";

/**
 * Writes a backup of the database at `databaseUrl` to `file`: its applied migrations and every
 * row of every public table, read in one REPEATABLE READ snapshot, so the app may keep writing
 * meanwhile and the backup is still consistent (a comment never without its article).
 */
export async function createBackup({
  databaseUrl,
  file,
  log = () => {},
}: {
  databaseUrl: string;
  file: string;
  log?: (message: string) => void;
}): Promise<BackupHeader> {
  return inTransaction(databaseUrl, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", async (client) => {
    const {
      rows: [server],
    } = await client.query<{ version: string }>("SELECT current_setting('server_version') AS version");
    const migrations = await appliedMigrations(client);
    const schema = await readSchema(client);
    const tables = [];
    for (const table of schema.tables) {
      const {
        rows: [count],
      } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${quote(table.name)}`);
      tables.push({ ...table, rows: count?.n ?? 0 });
    }
    const sequences = [];
    for (const name of schema.sequences) {
      const {
        rows: [row],
      } = await client.query<{ value: string; isCalled: boolean }>(
        `SELECT last_value::text AS value, is_called AS "isCalled" FROM ${quote(name)}`,
      );
      if (row) sequences.push({ name, ...row });
    }
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      server: `PostgreSQL ${server?.version ?? "?"}`,
      migrations,
      tables,
      sequences,
    };

    const writer = new BackupWriter(file);
    try {
      await writer.writeHeader(header);
      for (const table of tables) {
        const stream = client.query(copyTo(`COPY ${copyTarget(table)} TO STDOUT`));
        for await (const chunk of stream) await writer.write(chunk as Buffer);
        // The snapshot makes this impossible; checked so that a header never lies.
        if (stream.rowCount !== table.rows) throw new Error(`Table ${table.name} gave ${stream.rowCount} rows, counted ${table.rows}.`);
        await writer.endTable();
      }
      await writer.finish();
    } catch (error) {
      await writer.abort();
      throw error;
    }
    const rows = tables.reduce((sum, table) => sum + table.rows, 0);
    log(`Backed up ${rows} rows in ${tables.length} tables (${migrations.length} migrations, ${header.server}) to ${file}.`);
    return header;
  });
}
