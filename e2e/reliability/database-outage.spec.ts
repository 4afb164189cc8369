import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "@playwright/test";

import { hashPassword } from "../../lib/accounts/password";
import { createPrismaClient, type Db } from "../../lib/db/client";
import { freePort, startEmbeddedPostgres, type PostgresServer } from "../../lib/db/embedded";
import { prepareDatabase } from "../../lib/db/prepare";
import { productionServerArgs, serverEnv } from "../../scripts/serve";
import { commentSection, commentWith, writeComment } from "../support/comments";
import { SEED_ARTICLE } from "../support/seed";

/**
 * A second instance of the production build on a PostgreSQL cluster of its own, which these
 * tests stop and start again: what readers get while the database is down, and that a comment
 * sent into the outage is neither lost nor stored twice.
 */
test.describe.configure({ mode: "serial", timeout: 120_000 });

const DATA_DIR = path.resolve(".data/e2e-outage-postgres");
const PASSWORD = "Leuchtturm im Nebel";
const READER = { name: "Uta Ausfall", email: "uta.ausfall@example.org" };
const DRAFTED = { slug: "noch-nie-gelesen", title: "Ein Artikel, den noch niemand gelesen hat" };

let pgPort: number;
let appPort: number;
let postgres: PostgresServer;
let databaseUrl: string;
let app: ChildProcess;

const startPostgres = async () => {
  postgres = await startEmbeddedPostgres({ dataDir: DATA_DIR, fast: true, port: pgPort });
};

async function withOutageDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = createPrismaClient(databaseUrl);
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

const url = (pathname: string) => `http://localhost:${appPort}${pathname}`;

test.beforeAll(async () => {
  await rm(DATA_DIR, { recursive: true, force: true });
  [pgPort, appPort] = await Promise.all([freePort(), freePort()]);
  await startPostgres();
  databaseUrl = postgres.url("agora_outage");
  // prepareDatabase reads the URL from the environment; the main app under test keeps its own.
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  const prepared = await prepareDatabase({ production: false }).finally(() => {
    process.env.DATABASE_URL = previous;
  });
  await prepared.stop();
  await withOutageDb(async (db) => {
    await db.setting.upsert({ where: { key: "minSubmitSeconds" }, create: { key: "minSubmitSeconds", value: 0 }, update: { value: 0 } });
    await db.user.create({ data: { ...READER, emailVerified: new Date(), passwordHash: await hashPassword(PASSWORD) } });
    const author = await db.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    await db.article.create({
      data: {
        ...DRAFTED,
        body: "Nur da, damit ihn niemand im Cache hat.",
        status: "PUBLISHED",
        publishedAt: new Date(),
        authorId: author.id,
      },
    });
  });
  app = spawn(process.execPath, productionServerArgs(appPort), {
    env: { ...serverEnv(databaseUrl, true), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  for (let attempt = 0; attempt < 150; attempt++) {
    if (
      await fetch(url("/_next/static/not-there")).then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the outage instance did not start");
});

test.afterAll(async () => {
  app?.kill("SIGTERM");
  await postgres?.stop();
  await rm(DATA_DIR, { recursive: true, force: true });
});

test("while the database is down a reader still gets an article page read before, and a clear 503 for the rest", async ({ page }) => {
  // Read once while all is well: the article and its discussion are now in the server's cache.
  await page.goto(url(SEED_ARTICLE.path));
  await expect(page.getByRole("heading", { level: 1, name: SEED_ARTICLE.title })).toBeVisible();
  const firstComment = (await commentSection(page).getByRole("article").first().innerText()).split("\n")[0]!;

  await postgres.stop();

  // The server checks the database at most every two seconds; within that, a page that needs it errs.
  await expect(async () => {
    const neverRead = await page.goto(url(`/artikel/${DRAFTED.slug}`));
    expect(neverRead?.status()).toBe(503);
  }).toPass({ timeout: 10_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Vorübergehend nicht erreichbar" })).toBeVisible();

  // Now that the server knows, the article read before still comes, rendered from its cache.
  const cached = await page.goto(url(SEED_ARTICLE.path));
  expect(cached?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: SEED_ARTICLE.title })).toBeVisible();
  await expect(page.getByText(SEED_ARTICLE.sentence)).toBeVisible();
  await expect(commentSection(page).getByRole("article").first()).toContainText(firstComment);

  await startPostgres();
  await expect(async () => {
    const back = await page.goto(url(`/artikel/${DRAFTED.slug}`));
    expect(back?.status()).toBe(200);
  }).toPass({ timeout: 10_000 });
  await expect(page.getByRole("heading", { level: 1, name: DRAFTED.title })).toBeVisible();
});

test("a comment sent while the database restarts keeps its text, and sending it again stores it exactly once", async ({ page }) => {
  await page.goto(url("/anmelden"));
  await page.getByLabel("E-Mail-Adresse").fill(READER.email);
  await page.getByLabel("Passwort", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page).not.toHaveURL(/\/anmelden/);
  await page.goto(url(SEED_ARTICLE.path));

  const text = "Abgeschickt, als die Datenbank gerade neu startete.";
  const box = await writeComment(page, text);
  await postgres.stop();
  await commentSection(page).getByRole("button", { name: "Kommentar senden" }).click();
  await expect(commentSection(page).getByRole("alert")).toContainText("Dein Text ist noch da");
  await expect(box).toHaveValue(text);

  await startPostgres();
  // The same form, the same idempotency key: a second press must not make a second comment.
  await expect(async () => {
    await commentSection(page).getByRole("button", { name: "Kommentar senden" }).click();
    await expect(commentWith(page, text)).toHaveCount(1, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await page.reload();
  await expect(commentWith(page, text)).toHaveCount(1);
  const stored = await withOutageDb((db) => db.comment.count({ where: { body: text } }));
  expect(stored).toBe(1);
});
