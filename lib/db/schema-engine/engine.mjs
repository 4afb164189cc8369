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
import path from "node:path";
import readline from "node:readline";

import { log } from "./log.mjs";
import { cliCommands, poolConfig, runCli } from "./postgres.mjs";
import { createAdapter, loadWasmEngine, readDatamodels, wasmDir } from "./wasm.mjs";

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
