import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import type pg from "pg";

/** The committed migrations this code knows. */
export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");

/** Prisma's own bookkeeping: a backup carries it as its header's migration list, not as rows. */
export const MIGRATIONS_TABLE = "_prisma_migrations";

export function codeMigrations(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

/** The migrations applied to the database, oldest first; throws when it has none or one failed. */
export async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const {
    rows: [table],
  } = await client.query<{ name: string | null }>(`SELECT to_regclass('public.${MIGRATIONS_TABLE}')::text AS name`);
  if (!table?.name) throw new Error(`The database has no ${MIGRATIONS_TABLE} table: it is not an Agora database, or was never started.`);
  const { rows } = await client.query<{ migration_name: string; finished: boolean }>(
    `SELECT migration_name, finished_at IS NOT NULL AS finished FROM ${MIGRATIONS_TABLE} WHERE rolled_back_at IS NULL ORDER BY migration_name`,
  );
  const failed = rows.find((row) => !row.finished);
  if (failed)
    throw new Error(`Migration ${failed.migration_name} did not finish; resolve it (npm run prisma -- migrate status) before a backup.`);
  return rows.map((row) => row.migration_name);
}

export interface TableShape {
  name: string;
  /** Stored columns in their order; generated columns are left out (PostgreSQL computes them). */
  columns: string[];
}

/** The public schema's tables in an order that satisfies their foreign keys, and its sequences. */
export async function readSchema(client: pg.ClientBase): Promise<{ tables: TableShape[]; sequences: string[] }> {
  const { rows: columns } = await client.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname AS column
       FROM pg_class c
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND c.relname <> $1
      ORDER BY c.relname, a.attnum`,
    [MIGRATIONS_TABLE],
  );
  const { rows: references } = await client.query<{ from: string; to: string }>(
    `SELECT f.relname AS from, t.relname AS to
       FROM pg_constraint k JOIN pg_class f ON f.oid = k.conrelid JOIN pg_class t ON t.oid = k.confrelid
      WHERE k.contype = 'f' AND f.relnamespace = 'public'::regnamespace AND t.relnamespace = 'public'::regnamespace`,
  );
  const { rows: sequences } = await client.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'S' ORDER BY relname`,
  );
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns) byTable.set(table, [...(byTable.get(table) ?? []), column]);
  return {
    tables: loadOrder([...byTable.keys()], references).map((name) => ({ name, columns: byTable.get(name) ?? [] })),
    sequences: sequences.map((row) => row.name),
  };
}

/**
 * Orders tables so that each comes after the tables it references (alphabetically among
 * equals). A table referencing itself (comment replies) is fine: COPY checks foreign keys at
 * the end of its statement. A cycle between tables cannot be ordered and is an error.
 */
export function loadOrder(tables: string[], references: { from: string; to: string }[]): string[] {
  const waitingFor = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const { from, to } of references) if (from !== to && waitingFor.has(to)) waitingFor.get(from)?.add(to);
  const order: string[] = [];
  while (waitingFor.size) {
    const ready = [...waitingFor]
      .filter(([, needs]) => needs.size === 0)
      .map(([table]) => table)
      .sort();
    if (!ready.length)
      throw new Error(
        `The foreign keys of ${[...waitingFor.keys()].sort().join(", ")} form a cycle; their rows cannot be loaded in order.`,
      );
    for (const table of ready) {
      order.push(table);
      waitingFor.delete(table);
      for (const needs of waitingFor.values()) needs.delete(table);
    }
  }
  return order;
}
