import pg from "pg";

/**
 * Every row of every table in the database as one text, to prove something is nowhere in it, or
 * that two databases hold the same rows: tables by name, rows in a fixed order.
 */
export async function dumpDatabase(url: string, { except = [] }: { except?: string[] } = {}): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const parts: string[] = [];
    for (const { table_name } of tables) {
      if (except.includes(table_name)) continue;
      const { rows } = await client.query(`SELECT * FROM ${pg.escapeIdentifier(table_name)} t ORDER BY t::text`);
      parts.push(`${table_name}: ${JSON.stringify(rows)}`);
    }
    return parts.join("\n");
  } finally {
    await client.end();
  }
}
