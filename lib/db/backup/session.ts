import pg from "pg";

export const quote = pg.escapeIdentifier;

/** The column list of a COPY: generated columns are never in it (they are neither dumped nor loaded). */
export const copyTarget = (table: { name: string; columns: string[] }) => `${quote(table.name)} (${table.columns.map(quote).join(", ")})`;

/**
 * Runs `fn` in one transaction of a fresh connection. Output and input of COPY depend on these
 * settings (a date written under one DateStyle can be misread under another), so both ends pin them.
 */
export async function inTransaction<T>(url: string, begin: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(begin);
    await client.query(
      `SET LOCAL client_encoding = 'UTF8'; SET LOCAL DateStyle = 'ISO'; SET LOCAL IntervalStyle = 'postgres';
       SET LOCAL TimeZone = 'UTC'; SET LOCAL extra_float_digits = 3; SET LOCAL bytea_output = 'hex'`,
    );
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}
