// @ts-check
/** The engine's PostgreSQL access: connection settings, error codes, and the one-shot `cli` commands. */
import { createRequire } from "node:module";

import { log } from "./log.mjs";

const require = createRequire(import.meta.url);
const pg = require("pg");
const { parse: parseConnectionString } = require("pg-connection-string");

/**
 * Explicit connection fields rather than a connection string: the adapter's shadow database
 * is `{ ...config, database }`, and in pg a connection string would win over `database`.
 * @param {string} url
 */
export function poolConfig(url) {
  const parsed = parseConnectionString(url);
  /** @type {Record<string, unknown>} */
  const config = {
    host: parsed.host ?? "localhost",
    port: parsed.port ? Number(parsed.port) : 5432,
    user: parsed.user ?? process.env.PGUSER ?? "postgres",
    password: parsed.password,
    database: parsed.database ?? undefined,
    ssl: parsed.ssl ?? undefined,
    max: 4,
  };
  const schema = new URL(url).searchParams.get("schema");
  if (schema) config.options = `-c search_path="${schema}"`;
  return config;
}

/** @param {unknown} error */
function pgErrorCode(error) {
  const code = /** @type {{ code?: string }} */ (error)?.code;
  if (code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ETIMEDOUT" || code === "EHOSTUNREACH") return "P1001";
  if (code === "28P01" || code === "28000") return "P1000";
  if (code === "3D000") return "P1003";
  if (code === "42P04") return "P1009";
  return "P1000";
}

/** @param {string} url @param {(client: import("pg").Client, database: string) => Promise<void>} work */
async function onMaintenanceDatabase(url, work) {
  const config = poolConfig(url);
  const database = String(config.database ?? "postgres");
  const client = new pg.Client({ ...config, database: "postgres" });
  await client.connect();
  try {
    await work(client, database);
  } finally {
    await client.end();
  }
}

/** One-shot `cli` commands, which the CLI runs before it starts a JSON-RPC session. */
export const cliCommands = {
  /** @param {string} url */
  async "can-connect-to-database"(url) {
    const client = new pg.Client(poolConfig(url));
    await client.connect();
    await client.end();
  },
  /** @param {string} url */
  async "create-database"(url) {
    await onMaintenanceDatabase(url, async (client, database) => {
      const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
      if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
    });
  },
  /** @param {string} url */
  async "drop-database"(url) {
    await onMaintenanceDatabase(url, async (client, database) => {
      await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
    });
  },
};

/** @param {string[]} command @param {string | undefined} url */
export async function runCli(command, url) {
  const name = /** @type {keyof typeof cliCommands} */ (command[0]);
  process.stderr.write(`Agora schema engine: cli ${command.join(" ")}\n`);
  if (!Object.hasOwn(cliCommands, name)) {
    log("ERROR", `Unknown command: cli ${command.join(" ")}`, { error_code: "P1000" });
    return 1;
  }
  if (!url) {
    log("ERROR", "The datasource has no URL.", { error_code: "P1012" });
    return 1;
  }
  try {
    await cliCommands[name](url);
    return 0;
  } catch (error) {
    log("ERROR", error instanceof Error ? error.message : String(error), { error_code: pgErrorCode(error) });
    return 1;
  }
}
