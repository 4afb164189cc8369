import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { searchArticles } from "@/lib/articles/search";
import type { CommandContext } from "@/lib/comments/commands/context";
import { postComment } from "@/lib/comments/commands/post";
import { toggleReaction } from "@/lib/comments/commands/reactions";
import { reportComment } from "@/lib/comments/commands/reports";
import { codeMigrations, loadOrder, MIGRATIONS_DIR, MIGRATIONS_TABLE } from "@/lib/db/backup/catalog";
import { createBackup } from "@/lib/db/backup/dump";
import { BackupFileError } from "@/lib/db/backup/format";
import { applyMigrations, restoreBackup, RestoreRefusedError } from "@/lib/db/backup/restore";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { createDatabaseIfMissing, withDatabase } from "@/lib/db/server";
import { decideComment } from "@/lib/moderation/decisions";
import { restrictUser } from "@/lib/moderation/restrictions";
import { postgresStore } from "@/lib/ratelimit/postgres-store";
import { updateSiteSettings } from "@/lib/settings/commands";
import { readSiteSettings } from "@/lib/settings/site";

import { freshDatabase } from "../helpers/db";
import { dumpDatabase } from "../helpers/dump";
import { createArticle, createComment, createUser } from "../helpers/factories";
import { createDatabaseFromTemplate, dropDatabase } from "../helpers/postgres";

const adminUrl = inject("pgAdminUrl");
const dir = mkdtempSync(path.join(tmpdir(), "agora-backup-test-"));
const previousOutbox = process.env.AGORA_OUTBOX_DIR;
const created: string[] = [];
let source: { db: Db; url: string };
let backup: string;

/** A database name on the test server that does not exist yet; dropped after the file's tests. */
function newDatabaseUrl(): string {
  const name = `agora_test_restore_${randomBytes(4).toString("hex")}`;
  created.push(name);
  return withDatabase(adminUrl, name);
}

async function nonEmptyDatabase(): Promise<string> {
  const url = newDatabaseUrl();
  await createDatabaseFromTemplate(adminUrl, new URL(url).pathname.slice(1), inject("templateDatabase"));
  const db = createPrismaClient(url);
  await createUser(db, { name: "Schon da" });
  await db.$disconnect();
  return url;
}

const rowsOf = (url: string) => dumpDatabase(url, { except: [MIGRATIONS_TABLE] });

/** Rewrites the unzipped text of a backup, as damage or a newer Agora would. */
function rewrite(file: string, edit: (text: string) => string): string {
  const target = path.join(dir, `${randomBytes(3).toString("hex")}.gz`);
  writeFileSync(target, gzipSync(edit(gunzipSync(readFileSync(file)).toString("utf8"))));
  return target;
}

async function tableCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ relname: string }>(
      `SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' AND relname <> $1`,
      [MIGRATIONS_TABLE],
    );
    const counts: Record<string, number> = {};
    for (const { relname } of rows) {
      const {
        rows: [count],
      } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${pg.escapeIdentifier(relname)}`);
      counts[relname] = count?.n ?? 0;
    }
    return counts;
  } finally {
    await client.end();
  }
}

function runScript(script: string, args: string[], databaseUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), [script, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** What a newsroom's database holds after a while: accounts, an article, a discussion, moderation. */
async function seedNewsroom(db: Db): Promise<void> {
  const admin = await createUser(db, { role: "ADMIN", name: 'Jürgen "Admin" O\'Neill' });
  const editor = await createUser(db, { role: "EDITOR", name: "Renée Öztürk 🗞️" });
  const [reader, troll] = await Promise.all([createUser(db, { name: "Zoë\tTab" }), createUser(db)]);
  await createUser(db, { name: null, emailVerified: null });
  const article = await createArticle(db, {
    authorId: editor.id,
    title: "Wahlkampf in Köln: Grüße aus der Südstadt",
    dek: null,
    body: "Erster Absatz über den Wahlkampf.\n\nZweiter Absatz mit \\Backslash und\tTab.\n\\.\nEine Zeile, die wie das Ende einer Tabelle aussieht.",
  });
  const ctx: CommandContext = { db, settings: await readSiteSettings(db), limits: postgresStore(db), origin: "http://agora.test" };
  const top = await createComment(db, { articleId: article.id, authorId: reader.id, body: "Ümlaute: äöüß ÄÖÜ – und Emoji 🎉👍🏽" });
  const reply = await createComment(db, {
    articleId: article.id,
    authorId: editor.id,
    parentId: top.id,
    body: "Zeile eins\nZeile zwei\r\nC:\\Pfad\\datei \\N kein NULL",
  });
  await createComment(db, { articleId: article.id, authorId: null, parentId: reply.id, body: "." });
  const posted = await postComment({
    ...ctx,
    userId: troll.id,
    articleId: article.id,
    body: "Ein Link https://example.org und noch einer",
    idempotencyKey: randomUUID(),
  });
  if (!posted.ok) throw new Error(`posting failed: ${posted.error}`);
  await toggleReaction({ ...ctx, userId: troll.id, commentId: top.id });
  await reportComment({ ...ctx, userId: reader.id, commentId: posted.comment.id, reason: "ABUSE", details: 'Beleidigend\tund "laut"' });
  await decideComment({ db, actor: editor, commentId: posted.comment.id, decision: "reject", reason: "insult", note: "Bitte sachlich 🙏" });
  await restrictUser({ db, actor: admin, userId: troll.id, days: 7, reason: "insult" });
  await updateSiteSettings({ db, actor: admin, input: { maxLinks: 3, bannedWords: ["Idiot", "Dödel"] } });
}

beforeAll(async () => {
  process.env.AGORA_OUTBOX_DIR = path.join(dir, "outbox");
  source = await freshDatabase();
  await seedNewsroom(source.db);
  backup = path.join(dir, "newsroom.agora.gz");
  await createBackup({ databaseUrl: source.url, file: backup });
});

afterAll(async () => {
  process.env.AGORA_OUTBOX_DIR = previousOutbox;
  for (const name of created) await dropDatabase(adminUrl, name);
  rmSync(dir, { recursive: true, force: true });
});

// Each restore runs the Prisma CLI once or twice: slow on a busy machine.
describe("backing up and restoring the database", { timeout: 120_000 }, () => {
  it("a restore into a new database holds every row of every table, and the app works on it", async () => {
    const target = newDatabaseUrl();
    const summary = await restoreBackup({ databaseUrl: target, file: backup });
    expect(summary.newerMigrations).toEqual([]);
    expect(summary.header.tables.find((table) => table.name === "Article")?.columns).not.toContain("searchVector");
    expect(summary.header.tables.find((table) => table.name === "ModerationLogEntry")?.rows).toBeGreaterThanOrEqual(3);
    expect(await rowsOf(target)).toEqual(await rowsOf(source.url));

    const db = createPrismaClient(target);
    try {
      const { hits } = await searchArticles({ db, text: "Wahlkampf" });
      expect(hits.map((hit) => hit.title)).toEqual(["Wahlkampf in Köln: Grüße aus der Südstadt"]);
      const [article, reader] = await Promise.all([
        db.article.findFirstOrThrow(),
        db.user.findFirstOrThrow({ where: { name: "Zoë\tTab" } }),
      ]);
      const settings = await readSiteSettings(db);
      expect(settings.bannedWords).toEqual(["Idiot", "Dödel"]);
      const posted = await postComment({
        db,
        settings,
        limits: postgresStore(db),
        userId: reader.id,
        articleId: article.id,
        body: "Nach der Wiederherstellung",
        idempotencyKey: randomUUID(),
      });
      expect(posted).toMatchObject({ ok: true, comment: { status: "APPROVED" } });
    } finally {
      await db.$disconnect();
    }
  });

  it("the npm commands back up and restore, and say so", async () => {
    const file = path.join(dir, "by-command.agora.gz");
    const backedUp = await runScript("scripts/backup.ts", [file], source.url);
    expect(backedUp).toMatchObject({ code: 0, stderr: "" });
    expect(backedUp.stdout).toMatch(/Backed up \d+ rows in \d+ tables \(\d+ migrations, PostgreSQL [\d.]+/);

    const target = newDatabaseUrl();
    const restored = await runScript("scripts/restore.ts", [file], target);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/Restored \d+ rows in \d+ tables; row counts match the backup\./);
    expect(await rowsOf(target)).toEqual(await rowsOf(source.url));

    const again = await runScript("scripts/restore.ts", [file], target);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /is not empty: \d+ tables hold rows \(Article, Comment, ModerationLogEntry, …\)\. Restore into a new or empty database, or add --force/,
    );
  });

  it("a restore refuses a database that is not empty, and with --force replaces what is in it", async () => {
    const target = await nonEmptyDatabase();
    const before = await rowsOf(target);
    await expect(restoreBackup({ databaseUrl: target, file: backup })).rejects.toThrow(RestoreRefusedError);
    expect(await rowsOf(target)).toEqual(before);

    await restoreBackup({ databaseUrl: target, file: backup, force: true });
    expect(await rowsOf(target)).toEqual(await rowsOf(source.url));
  });

  it("a truncated file is refused before anything is touched, even with --force", async () => {
    const truncated = path.join(dir, "truncated.agora.gz");
    const whole = readFileSync(backup);
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const target = await nonEmptyDatabase();
    const before = await rowsOf(target);
    await expect(restoreBackup({ databaseUrl: target, file: truncated, force: true })).rejects.toThrow(/truncated/);
    await expect(restoreBackup({ databaseUrl: target, file: truncated, force: true })).rejects.toThrow(BackupFileError);
    expect(await rowsOf(target)).toEqual(before);
  });

  it("a file that is not a backup, or has lost rows, is refused with a reason", async () => {
    const target = newDatabaseUrl();
    const notGzip = path.join(dir, "notes.txt");
    writeFileSync(notGzip, "Einkaufsliste\n");
    await expect(restoreBackup({ databaseUrl: target, file: notGzip })).rejects.toThrow(/is not an Agora backup \(not a gzip file\)/);
    const noHeader = rewrite(backup, (text) => `{"hello": 1}\n${text.slice(text.indexOf("\n") + 1)}`);
    await expect(restoreBackup({ databaseUrl: target, file: noHeader })).rejects.toThrow(/is not an Agora backup \(unexpected header\)/);
    const lostRow = rewrite(backup, (text) =>
      text.replace(/("name":"Reaction","columns":\[[^\]]*\],"rows":)1/, (_, head: string) => `${head}2`),
    );
    await expect(restoreBackup({ databaseUrl: target, file: lostRow })).rejects.toThrow(/table Reaction has 1 rows, its header says 2/);
    await expect(restoreBackup({ databaseUrl: target, file: path.join(dir, "missing.gz") })).rejects.toThrow(
      /Cannot read .*missing\.gz: ENOENT/,
    );
  });

  it("a row the database rejects fails the load as a whole: no table gets any row", async () => {
    const damaged = rewrite(backup, (text) => text.replace(/Ümlaute: äöüß ÄÖÜ – und Emoji 🎉👍🏽\tAPPROVED/, "Ümlaute\tNICHT_ERLAUBT"));
    const target = newDatabaseUrl();
    await expect(restoreBackup({ databaseUrl: target, file: damaged })).rejects.toThrow(
      /Loading the backup failed, nothing was loaded: .*CommentStatus.*COPY Comment, line/,
    );
    expect(Object.values(await tableCounts(target)).every((count) => count === 0)).toBe(true);
    // Its tables hold no rows, so trying again needs no --force.
    await restoreBackup({ databaseUrl: target, file: backup });
    expect(await rowsOf(target)).toEqual(await rowsOf(source.url));
  });

  it("a backup from a newer Agora, with migrations this code lacks, is refused", async () => {
    const newer = rewrite(backup, (text) => text.replace(/"migrations":\[/, `"migrations":["29990101000000_from_the_future",`));
    const target = newDatabaseUrl();
    await expect(restoreBackup({ databaseUrl: target, file: newer })).rejects.toThrow(
      "The backup was made by a newer Agora: this code lacks the migrations 29990101000000_from_the_future. Update Agora, then restore.",
    );
  });

  it("an older backup is loaded at its own schema, then brought up to date by the newer migrations", async () => {
    // Before the publishing migration, which added full-text search.
    const older = codeMigrations().filter((name) => name < "20261125140000");
    const old = newDatabaseUrl();
    await createDatabaseIfMissing(old);
    await applyMigrations(old, older);
    const client = new pg.Client({ connectionString: old });
    await client.connect();
    await client.query(
      `INSERT INTO "User" ("id", "email", "name", "role", "updatedAt") VALUES ('u1', 'alt@example.org', 'Alte Redaktion', 'EDITOR', now())`,
    );
    await client.query(
      `INSERT INTO "Article" ("id", "slug", "title", "body", "status", "publishedAt", "authorId", "updatedAt")
       VALUES ('a1', 'archiv', 'Archiv der Bürgerschaft', 'Aus dem Stadtarchiv.', 'PUBLISHED', now() - interval '1 day', 'u1', now())`,
    );
    await client.end();
    const file = path.join(dir, "older.agora.gz");
    expect((await createBackup({ databaseUrl: old, file })).migrations).toEqual(older);

    const target = newDatabaseUrl();
    const summary = await restoreBackup({ databaseUrl: target, file });
    expect(summary.newerMigrations).toContain("20261125140000_publishing");
    const db = createPrismaClient(target);
    try {
      expect((await searchArticles({ db, text: "Bürgerschaft" })).hits.map((hit) => hit.slug)).toEqual(["archiv"]);
    } finally {
      await db.$disconnect();
    }
  });

  it("a counter (sequence) continues where it stood, and a trigger does not fire again for restored rows", async () => {
    // A later migration might add an autoincrement id and a trigger that writes; this one stands in for it.
    const migrationsDir = path.join(dir, "migrations");
    cpSync(MIGRATIONS_DIR, migrationsDir, { recursive: true });
    mkdirSync(path.join(migrationsDir, "29990101000000_counter"));
    writeFileSync(
      path.join(migrationsDir, "29990101000000_counter", "migration.sql"),
      `CREATE TABLE "Counter" ("id" SERIAL PRIMARY KEY, "name" TEXT NOT NULL);
       CREATE TABLE "CounterLog" ("counterId" INTEGER NOT NULL);
       CREATE FUNCTION "counter_log"() RETURNS trigger AS $$ BEGIN INSERT INTO "CounterLog" VALUES (NEW."id"); RETURN NEW; END $$ LANGUAGE plpgsql;
       CREATE TRIGGER "counter_log" AFTER INSERT ON "Counter" FOR EACH ROW EXECUTE FUNCTION "counter_log"();`,
    );
    const withCounter = newDatabaseUrl();
    await createDatabaseIfMissing(withCounter);
    await applyMigrations(withCounter, codeMigrations(migrationsDir), migrationsDir);
    const insert = async (url: string, name: string) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const {
          rows: [row],
        } = await client.query<{ id: number }>(`INSERT INTO "Counter" ("name") VALUES ($1) RETURNING "id"`, [name]);
        // The highest id is gone, but the counter has passed it.
        if (name === "drei") await client.query(`DELETE FROM "Counter" WHERE "id" = $1`, [row?.id]);
        return row?.id;
      } finally {
        await client.end();
      }
    };
    for (const name of ["eins", "zwei", "drei"]) await insert(withCounter, name);
    const file = path.join(dir, "counter.agora.gz");
    expect((await createBackup({ databaseUrl: withCounter, file })).sequences).toEqual([
      { name: "Counter_id_seq", value: "3", isCalled: true },
    ]);

    const target = newDatabaseUrl();
    await restoreBackup({ databaseUrl: target, file, migrationsDir });
    expect(await rowsOf(target)).toEqual(await rowsOf(withCounter));
    expect(await insert(target, "vier")).toBe(4);
    expect(await tableCounts(target)).toMatchObject({ Counter: 3, CounterLog: 4 });
  });
});

describe("the order tables are loaded in", () => {
  it("puts referenced tables first and allows a table to reference itself", () => {
    const references = [
      { from: "Comment", to: "Article" },
      { from: "Comment", to: "Comment" },
      { from: "Article", to: "User" },
      { from: "Comment", to: "User" },
    ];
    expect(loadOrder(["Comment", "Article", "User", "Setting"], references)).toEqual(["Setting", "User", "Article", "Comment"]);
  });

  it("refuses tables whose foreign keys form a cycle", () => {
    expect(() =>
      loadOrder(
        ["A", "B"],
        [
          { from: "A", to: "B" },
          { from: "B", to: "A" },
        ],
      ),
    ).toThrow(/A, B form a cycle/);
  });
});
