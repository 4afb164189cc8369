import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { prismaCliEnv, SCHEMA_ENGINE } from "@/lib/db/prisma-cli";
import { withDatabase } from "@/lib/db/server";

import { dropDatabase } from "../helpers/postgres";

const require = createRequire(import.meta.url);
const PRISMA_CLI = require.resolve("prisma/build/index.js");

type Run = { code: number; output: string; stdout: string };

function run(command: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, cwd: process.cwd() });
    let stdout = "";
    let output = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code: code ?? 1, output, stdout }));
    child.stdin.end(input);
  });
}

/** A throwaway Prisma project (schema, config, migrations) inside the repo, so `prisma/config` resolves. */
async function createProject(databaseUrl: string) {
  await mkdir(path.resolve(".data"), { recursive: true });
  const dir = await mkdtemp(path.resolve(".data", "engine-test-"));
  const schemaPath = path.join(dir, "schema.prisma");
  const configPath = path.join(dir, "prisma.config.ts");
  await writeFile(
    configPath,
    `import { defineConfig } from "prisma/config";
export default defineConfig({ schema: ${JSON.stringify(schemaPath)}, migrations: { path: ${JSON.stringify(path.join(dir, "migrations"))} }, datasource: { url: process.env.DATABASE_URL! } });\n`,
  );
  const prisma = (args: string[], url = databaseUrl) =>
    run(process.execPath, [PRISMA_CLI, ...args, "--config", configPath], prismaCliEnv({ DATABASE_URL: url, NO_COLOR: "1" }));
  const setSchema = (models: string) => writeFile(schemaPath, `datasource db {\n  provider = "postgresql"\n}\n\n${models}\n`);
  const migrations = async () => (await readdir(path.join(dir, "migrations"))).filter((name) => name !== "migration_lock.toml").sort();
  const migrationSql = async (name: string) => readFile(path.join(dir, "migrations", name, "migration.sql"), "utf8");
  return { dir, prisma, setSchema, migrations, migrationSql };
}

const NOTE = `model Note {\n  id    Int    @id @default(autoincrement())\n  title String\n}`;
const NOTE_WITH_BODY = `model Note {\n  id    Int     @id @default(autoincrement())\n  title String\n  body  String?\n}`;

describe("the project's schema engine behind the Prisma CLI", () => {
  const adminUrl = inject("pgAdminUrl");
  const suffix = `${process.pid}_${Date.now()}`;
  const mainDb = `agora_engine_${suffix}`;
  const deployDb = `agora_engine_deploy_${suffix}`;
  const mainUrl = withDatabase(adminUrl, mainDb);
  let project: Awaited<ReturnType<typeof createProject>>;

  async function query(url: string, sql: string) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows;
    } finally {
      await client.end();
    }
  }
  const columnsOfNote = async (url: string) =>
    (await query(url, `SELECT column_name FROM information_schema.columns WHERE table_name = 'Note' ORDER BY column_name`)).map(
      (row) => row.column_name,
    );

  beforeAll(async () => {
    project = await createProject(mainUrl);
  });
  afterAll(async () => {
    await rm(project.dir, { recursive: true, force: true });
    await dropDatabase(adminUrl, mainDb);
    await dropDatabase(adminUrl, deployDb);
  });

  it("migrate dev creates the database, writes the first migration and applies it", async () => {
    await project.setSchema(NOTE);
    const result = await project.prisma(["migrate", "dev", "--name", "init"]);
    expect(result.output).toContain("Your database is now in sync with your schema.");
    expect(result.code).toBe(0);
    const [first] = await project.migrations();
    expect(first).toMatch(/^\d{14}_init$/);
    expect(await project.migrationSql(first!)).toContain('CREATE TABLE "Note"');
    expect(await columnsOfNote(mainUrl)).toEqual(["id", "title"]);
  });

  it("a second schema change becomes a second migration, and no shadow database is left behind", async () => {
    const shadowDatabases = () => query(adminUrl, `SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'`);
    const shadowsBefore = await shadowDatabases();
    await project.setSchema(NOTE_WITH_BODY);
    const result = await project.prisma(["migrate", "dev", "--name", "add_body"]);
    expect(result.code).toBe(0);
    const names = await project.migrations();
    expect(names).toHaveLength(2);
    expect(await project.migrationSql(names[1]!)).toContain('ALTER TABLE "Note" ADD COLUMN     "body" TEXT');
    expect(await columnsOfNote(mainUrl)).toEqual(["body", "id", "title"]);
    expect(await shadowDatabases()).toEqual(shadowsBefore);
  });

  it("migrate status reports an up-to-date database", async () => {
    const result = await project.prisma(["migrate", "status"]);
    expect(result.output).toContain("2 migrations found");
    expect(result.output).toContain("Database schema is up to date!");
    expect(result.code).toBe(0);
  });

  it("migrate deploy applies every committed migration to a new database", async () => {
    const deployUrl = withDatabase(adminUrl, deployDb);
    const result = await project.prisma(["migrate", "deploy"], deployUrl);
    expect(result.output).toContain("All migrations have been successfully applied.");
    expect(result.code).toBe(0);
    expect(await columnsOfNote(deployUrl)).toEqual(["body", "id", "title"]);
  });

  it("migrate diff prints the SQL between two states", async () => {
    const result = await project.prisma([
      "migrate",
      "diff",
      "--from-empty",
      "--to-schema",
      path.join(project.dir, "schema.prisma"),
      "--script",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('CREATE TABLE "Note"');
    expect(result.stdout).toContain('"body" TEXT');
  });

  it("migrate reset drops the data and reapplies the migrations", async () => {
    await query(mainUrl, `INSERT INTO "Note" (title) VALUES ('kept?')`);
    const result = await project.prisma(["migrate", "reset", "--force"]);
    expect(result.code).toBe(0);
    expect(await query(mainUrl, `SELECT * FROM "Note"`)).toEqual([]);
    expect(await columnsOfNote(mainUrl)).toEqual(["body", "id", "title"]);
  });

  it("a broken schema is refused with a message that names the problem", async () => {
    await project.setSchema(`model Note {\n  id Int @id\n  owner Person\n}`);
    const result = await project.prisma(["migrate", "dev", "--name", "broken"]);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('Type "Person" is neither a built-in type, nor refers to another model');
    expect(await project.migrations()).toHaveLength(2);
  });

  it("a migration that fails in PostgreSQL names the migration and the database's complaint instead of crashing", async () => {
    await project.setSchema(NOTE_WITH_BODY);
    const bad = path.join(project.dir, "migrations", "29990101000000_bad");
    await mkdir(bad);
    await writeFile(path.join(bad, "migration.sql"), `ALTER TABLE "Nope" ADD COLUMN x INT;`);
    const result = await project.prisma(["migrate", "deploy"]);
    await rm(bad, { recursive: true });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("No such table: Nope");
    expect(result.output).toContain('migration_name="29990101000000_bad"');
  });

  it("an unreachable server gives Prisma's P1001 error", async () => {
    const result = await project.prisma(["migrate", "status"], "postgresql://postgres@127.0.0.1:9/agora");
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("P1001");
  });

  it("reports a panic inside the engine as an error instead of hanging", async () => {
    const result = await run(process.execPath, [PRISMA_CLI, "migrate", "status", "--config", path.join(project.dir, "prisma.config.ts")], {
      ...prismaCliEnv({ DATABASE_URL: mainUrl }),
      FORCE_PANIC_SCHEMA_ENGINE: "1",
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain("This is the debugPanic artificial panic");
  });

  it("answers an unknown JSON-RPC method with an error object and keeps serving", async () => {
    const requests = [
      { jsonrpc: "2.0", id: 1, method: "noSuchMethod", params: {} },
      { jsonrpc: "2.0", id: 2, method: "version", params: {} },
    ];
    const datasource = JSON.stringify({ url: mainUrl });
    const result = await run(
      SCHEMA_ENGINE,
      ["--datasource", datasource],
      prismaCliEnv(),
      requests.map((r) => JSON.stringify(r)).join("\n") + "\n",
    );
    expect(result.code).toBe(0);
    const [unknown, version] = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(unknown).toMatchObject({ id: 1, error: { code: -32601 } });
    expect(version).toMatchObject({ id: 2, result: expect.any(String) });
  });
});
