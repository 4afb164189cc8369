#!/usr/bin/env node
// @ts-check
/**
 * Agora's schema engine: a drop-in for Prisma's native `schema-engine` binary.
 *
 * Prisma's CLI downloads that binary at install, which cannot work where only the npm
 * registry is reachable. The CLI runs whatever PRISMA_SCHEMA_ENGINE_BINARY names, so
 * this Node program speaks the same protocol, backed by the official WASM build of the
 * engine (@prisma/schema-engine-wasm) and the pg driver adapter:
 *
 *   engine --datamodels <file>… --datasource '<json>'      JSON-RPC 2.0, a line per message
 *   engine --datasource '<json>' cli <command>               one-shot database commands
 *
 * Every failure goes back as a JSON-RPC error object; logs go to stderr as JSON lines.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import readline from "node:readline";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";

const require = createRequire(import.meta.url);
const pg = require("pg");
const { parse: parseConnectionString } = require("pg-connection-string");

const wasmDir = () => path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
const LOG_TARGET = "schema_engine::logger";

/** @param {"INFO" | "WARN" | "ERROR"} level @param {string} message @param {Record<string, unknown>} [extra] */
function log(level, message, extra = {}) {
  process.stderr.write(`${JSON.stringify({ level, target: LOG_TARGET, fields: { message, ...extra } })}\n`);
}

/** @param {string[]} argv */
function parseArgs(argv) {
  /** @type {{ datamodels: string[], datasource: { url?: string, shadowDatabaseUrl?: string } | null, cli: string[] | null, version: boolean }} */
  const args = { datamodels: [], datasource: null, cli: null, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--datamodels") args.datamodels.push(argv[++i] ?? "");
    else if (arg === "--datasource") args.datasource = JSON.parse(argv[++i] ?? "null");
    else if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "cli") {
      args.cli = argv.slice(i + 1);
      break;
    }
    // Other flags (--enabled-preview-features, --extension-types) do not apply to PostgreSQL here.
    else if (arg?.startsWith("--")) i++;
  }
  return args;
}

// ---------------------------------------------------------------------------------------
// PostgreSQL access

/**
 * Explicit connection fields rather than a connection string: the adapter's shadow database
 * is `{ ...config, database }`, and in pg a connection string would win over `database`.
 * @param {string} url
 */
function poolConfig(url) {
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
const cliCommands = {
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
async function runCli(command, url) {
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

// ---------------------------------------------------------------------------------------
// The WASM engine

async function loadWasmEngine() {
  // Panics in the WASM module report their message through this registry.
  const panic = { message: "" };
  Object.assign(globalThis, {
    PRISMA_WASM_PANIC_REGISTRY: {
      set_message(/** @type {string} */ message) {
        panic.message = `RuntimeError: ${message}`;
      },
    },
  });
  const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = path.join(wasmDir(), "schema_engine_bg.wasm");
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  /** @type {{ __wbindgen_start?: () => void }} */ (instance.exports).__wbindgen_start?.();
  return { SchemaEngine: bindings.SchemaEngine, panic };
}

/** @param {string[]} files */
async function readDatamodels(files) {
  return Promise.all(files.map(async (file) => /** @type {[string, string]} */ ([file, await readFile(file, "utf8")])));
}

/**
 * The engine's catalog queries return columns of PostgreSQL's internal "char" type (OID 18),
 * such as pg_constraint.contype, and read them as characters. adapter-pg 7.10 rejects that type
 * ("Unsupported column type char"), so its queries see such columns as text and their results
 * report them as Character. Patched once, on the class every adapter and transaction shares.
 * @param {any} queryable the prototype that defines performIO and queryRaw
 */
function reportInternalCharAsCharacter(queryable) {
  if (queryable.agoraCharPatch) return;
  const { performIO, queryRaw } = queryable;
  /** @type {WeakMap<unknown[], number[]>} result rows → indexes of their "char" columns */
  const charColumns = new WeakMap();
  queryable.performIO = async function (/** @type {unknown[]} */ ...args) {
    const result = await performIO.apply(this, args);
    const indexes = [];
    for (const [index, field] of result.fields.entries()) {
      if (field.dataTypeID === 18) {
        field.dataTypeID = 25;
        indexes.push(index);
      }
    }
    if (indexes.length) charColumns.set(result.rows, indexes);
    return result;
  };
  queryable.queryRaw = async function (/** @type {unknown[]} */ ...args) {
    const result = await queryRaw.apply(this, args);
    for (const index of charColumns.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  queryable.agoraCharPatch = true;
}

/**
 * adapter-pg 7.10 runs a migration script by splitting it at every ";", which cuts apart
 * function bodies (a trigger in a migration). PostgreSQL's simple query protocol takes the
 * whole script at once, as one implicit transaction.
 * @param {any} adapter
 */
function runScriptsWhole(adapter) {
  adapter.executeScript = async function (/** @type {string} */ script) {
    try {
      await this.client.query(script);
    } catch (error) {
      this.onError(error);
    }
  };
  return adapter;
}

/** @param {string} url */
async function createAdapter(url) {
  const config = poolConfig(url);

  /**
   * adapter-pg 7.10 drops its shadow database while its own pool still holds a connection,
   * which PostgreSQL refuses ("being accessed by other users"): close the pool first.
   */
  class PgWithShadowDatabase extends PrismaPg {
    async connect() {
      const adapter = await super.connect();
      reportInternalCharAsCharacter(Object.getPrototypeOf(Object.getPrototypeOf(adapter)));
      return runScriptsWhole(adapter);
    }

    async connectToShadowDb() {
      const database = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
      const admin = new pg.Client(config);
      await admin.connect();
      await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
      const adapter = runScriptsWhole(await new PrismaPg({ ...config, database }).connect());
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        try {
          await dispose();
          await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
        } finally {
          await admin.end();
        }
      };
      return adapter;
    }
  }
  return bindMigrationAwareSqlAdapterFactory(new PgWithShadowDatabase(config));
}

/**
 * Turns whatever the engine threw into a JSON-RPC error whose `data` the CLI renders:
 * `error_code` and `message` for errors a user can fix, `is_panic` for crashes.
 * @param {unknown} error @param {{ message: string }} panic
 */
function toRpcError(error, panic) {
  if (panic.message) {
    const message = panic.message;
    panic.message = "";
    return { code: 4466, message, data: { is_panic: true, message, backtrace: null } };
  }
  /** @type {Record<string, unknown>} */
  let data = {};
  if (error && typeof error === "object") data = { ...error };
  let message = error instanceof Error ? error.message : typeof data.message === "string" ? data.message : String(error);
  // Errors may arrive as a JSON string of the engine's user-facing error.
  try {
    const parsed = JSON.parse(message);
    if (parsed && typeof parsed === "object") {
      data = { ...data, ...parsed };
      if (typeof parsed.message === "string") message = parsed.message;
    }
  } catch {
    // a plain message
  }
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: false, message, error_code: data.error_code ?? data.errorCode ?? null, meta: data.meta ?? null },
  };
}

/** @param {ReturnType<typeof parseArgs>} args */
async function serveRpc(args) {
  const url = args.datasource?.url;
  /** @type {Promise<any> | null} */
  let enginePromise = null;
  /** @type {{ message: string }} */
  let panic = { message: "" };

  const write = (/** @type {unknown} */ message) => process.stdout.write(`${JSON.stringify(message)}\n`);

  const engine = () => {
    enginePromise ??= (async () => {
      if (!url) throw Object.assign(new Error("The datasource has no URL. Set DATABASE_URL."), { error_code: "P1012" });
      const loaded = await loadWasmEngine();
      panic = loaded.panic;
      const datamodels = await readDatamodels(args.datamodels);
      const logLine = (/** @type {string} */ line) => process.stderr.write(`${line}\n`);
      return loaded.SchemaEngine.new({ datamodels: datamodels.length ? datamodels : undefined }, logLine, await createAdapter(url));
    })();
    return enginePromise;
  };

  /** Methods the WASM engine lacks or that the CLI names differently. @type {Record<string, (params: any) => Promise<unknown>>} */
  const local = {
    async getDatabaseVersion(params) {
      return (await engine()).version(params ?? undefined);
    },
    async version() {
      const { version } = await import("@prisma/schema-engine-wasm/schema_engine_bg");
      return version();
    },
    async createDatabase(params) {
      const target = params?.datasource?.tag === "ConnectionString" ? params.datasource.url : url;
      if (!target) throw new Error("The datasource has no URL.");
      await cliCommands["create-database"](target);
      return { databaseName: String(poolConfig(target).database) };
    },
    async diff(params) {
      const result = await (await engine()).diff(params);
      // The native engine prints through a `print` request to the CLI; the WASM one returns the text.
      if (result?.stdout) write({ jsonrpc: "2.0", id: printId++, method: "print", params: { content: result.stdout } });
      return { exitCode: result?.exitCode ?? 0 };
    },
  };
  let printId = 1_000_000;

  /** @type {unknown} the id of the request being served */
  let inFlight = null;

  /**
   * A trap inside the WASM engine (a Rust panic) can surface outside the request's promise;
   * answer the request with the panic, as the native engine does, rather than leave the CLI waiting.
   * The engine's state is undefined after a panic, so the process ends.
   * @param {unknown} error
   */
  const crash = (error) => {
    const message = panic.message || (error instanceof Error ? error.message : String(error));
    log("ERROR", message);
    if (inFlight !== null) write({ jsonrpc: "2.0", id: inFlight, error: toRpcError(new Error(message), { message }) });
    process.exit(101);
  };
  process.on("uncaughtException", crash);
  process.on("unhandledRejection", crash);

  /** @param {any} request */
  async function handle(request) {
    if (!request || typeof request !== "object" || typeof request.method !== "string") return;
    const { id, method, params } = request;
    inFlight = id;
    try {
      let result;
      if (Object.hasOwn(local, method)) result = await local[method](params);
      else {
        const instance = await engine();
        if (typeof instance[method] !== "function") {
          write({ jsonrpc: "2.0", id, error: { code: -32601, message: `Method not found: ${method}` } });
          return;
        }
        result = await instance[method](params);
      }
      write({ jsonrpc: "2.0", id, result: result ?? {} });
    } catch (error) {
      write({ jsonrpc: "2.0", id, error: toRpcError(error, panic) });
    } finally {
      inFlight = null;
    }
  }

  // One request at a time, in order, as the native engine does.
  let queue = Promise.resolve();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      write({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    // Responses to our own `print` requests need no answer.
    if (message && "result" in message && !("method" in message)) return;
    queue = queue.then(() => handle(message));
  });
  await new Promise((resolve) => lines.on("close", resolve));
  await queue;
  if (enginePromise) {
    const instance = await enginePromise.catch(() => null);
    instance?.free?.();
  }
}

// ---------------------------------------------------------------------------------------

const args = parseArgs(process.argv.slice(2));
if (args.version) {
  // `prisma version` shows this line; the hash is the engine build the WASM package carries.
  const { version } = JSON.parse(await readFile(path.join(wasmDir(), "package.json"), "utf8"));
  process.stdout.write(`schema-engine-cli ${String(version).split(".").pop()} (WASM, lib/db/schema-engine)\n`);
  process.exit(0);
}
if (args.cli) process.exit(await runCli(args.cli, args.datasource?.url));
await serveRpc(args);
// Pools of the adapter may hold the event loop open; the CLI waits for our exit.
process.exit(0);
