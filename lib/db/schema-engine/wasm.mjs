// @ts-check
/** The official WASM build of Prisma's schema engine, and the pg driver adapter it works through. */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";

import { poolConfig } from "./postgres.mjs";

const require = createRequire(import.meta.url);
const pg = require("pg");

export const wasmDir = () => path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));

export async function loadWasmEngine() {
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
export async function readDatamodels(files) {
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
export async function createAdapter(url) {
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
