/**
 * `npm run bench`: builds and starts the production app against a fresh database (on
 * DATABASE_URL's server, or an embedded PostgreSQL), seeds a realistic load and measures what
 * readers and publishers notice. Prints a table and writes bench/results/latest.{json,md}.
 * Not a test: it asserts nothing, and CI does not run it. See README "Performance".
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import pg from "pg";
import { chromium } from "playwright";
import { postComment } from "../lib/comments/commands";
import { postgresStore } from "../lib/ratelimit/postgres-store";
import { readSiteSettings } from "../lib/settings/site";
import { createPrismaClient } from "../lib/db/client";
import { freePort } from "../lib/db/embedded";
import { CHROMIUM, CHROMIUM_ARGS } from "../e2e/chromium";
import { benchDatabase } from "./database";
import { kb, machine, mib, percentile, round, writeResults } from "./report";
import { applySettings, seedNewsroom } from "./seed";
import { startProductionServer, waitForServer } from "./server";
import { captureSubmissions, replayHeaders, signInPage, signInReaders } from "./sessions";

const READERS = 1000;
const ARTICLES = 200;
const THREADS = 250; // × (1 + REPLIES) = 1,000 comments on the benchmarked article
const REPLIES = 3;
const CONNECTIONS = 50;
const SECONDS = 20;
const SSE_CLIENTS = 200;
const SSE_ROUNDS = 30;

const log = (message: string) => console.log(`· ${message}`);

// ── Helpers ─────────────────────────────────────────────────────────────────────────────────

/** A static file server as small as it gets: the ceiling any page server is compared with. */
const STATIC_SERVER = `
const http = require("node:http"); const fs = require("node:fs");
const body = fs.readFileSync(process.argv[1]);
http.createServer((req, res) => { res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": body.length }); res.end(body); })
  .listen(Number(process.argv[2]), "127.0.0.1");`;

async function load(url: string, seconds: number, connections: number) {
  const result = await autocannon({ url, connections, duration: seconds });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** SSE clients on one article; each round posts a comment and times its arrival at every client. */
async function measureLive(base: string, articleId: string, post: () => Promise<void>) {
  let roundStart = 0;
  let arrived = 0;
  const delays: number[] = [];
  const clients: http.ClientRequest[] = [];
  await Promise.all(
    Array.from({ length: SSE_CLIENTS }, () =>
      new Promise<void>((resolve, reject) => {
        const request = http.get(`${base}/api/live/${articleId}`, { agent: false }, (response) => {
          response.setEncoding("utf8");
          let buffer = "";
          response.on("data", (chunk: string) => {
            buffer += chunk;
            if (buffer.includes(": connected")) resolve();
            let end: number;
            while ((end = buffer.indexOf("\n\n")) >= 0) {
              const message = buffer.slice(0, end);
              buffer = buffer.slice(end + 2);
              if (message.startsWith("event: comment")) {
                delays.push(performance.now() - roundStart);
                arrived++;
              }
            }
          });
        });
        request.on("error", reject);
        clients.push(request);
      }),
    ),
  );
  let missed = 0;
  for (let round = 0; round < SSE_ROUNDS; round++) {
    arrived = 0;
    roundStart = performance.now();
    await post();
    const deadline = performance.now() + 5000;
    while (arrived < SSE_CLIENTS && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    missed += SSE_CLIENTS - arrived;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  for (const client of clients) client.destroy();
  delays.sort((a, b) => a - b);
  return { clients: SSE_CLIENTS, rounds: SSE_ROUNDS, samples: delays.length, missed, p50: Math.round(percentile(delays, 0.5)), p99: Math.round(percentile(delays, 0.99)) };
}

/** JavaScript and CSS an article page loads, gzipped as `next start` sends them; signed out and signed in. */
async function pageWeight(base: string, articleUrl: string) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const measure = async (context: Awaited<ReturnType<typeof browser.newContext>>, url: string) => {
      const page = await context.newPage();
      const sizes = { js: 0, css: 0 };
      const pending: Promise<void>[] = [];
      page.on("response", (response) => {
        const type = response.headers()["content-type"] ?? "";
        const kind = type.includes("javascript") ? "js" : type.includes("text/css") ? "css" : null;
        if (!kind) return;
        pending.push(response.body().then((body) => void (sizes[kind] += gzipSync(body).length)).catch(() => {}));
      });
      await page.goto(url, { waitUntil: "networkidle" });
      await Promise.all(pending);
      await page.close();
      return sizes;
    };
    const anonymous = await browser.newContext();
    const signedOut = await measure(anonymous, articleUrl);
    const home = await measure(anonymous, base);
    const reader = await browser.newContext();
    await signInPage(await reader.newPage(), base, 500);
    const signedIn = await measure(reader, articleUrl);
    // What the article page loads beyond the home page: the comment section's own client code, roughly.
    return { signedOut, signedIn, home, articleBeyondHomeJs: Math.max(0, signedOut.js - home.js) };
  } finally {
    await browser.close();
  }
}

/** Lighthouse's four category scores (its default: a mid-range phone on a throttled connection, simulated). */
async function lighthouseScores(urls: Record<string, string>) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
  try {
    const scores: Record<string, Record<string, number>> = {};
    for (const [name, url] of Object.entries(urls)) {
      const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility", "best-practices", "seo"] });
      const categories = result?.lhr.categories ?? {};
      scores[name] = Object.fromEntries(Object.entries(categories).map(([key, category]) => [key, Math.round((category.score ?? 0) * 100)]));
    }
    return scores;
  } finally {
    chrome.kill();
  }
}

/**
 * Comment posting through the real server action, as a browser sends it: one submission is
 * captured in Chromium, then replayed by autocannon for many signed-in readers (each replay with
 * its own idempotency key and text). Compared with plain INSERTs of the same rows over pg.
 */
async function measurePosting(base: string, articleUrl: string, articleId: string, databaseUrl: string, authorIds: string[]) {
  const captured = await captureSubmissions(base, articleUrl, 900, "Bench-Vorlage");
  // Sessions for many readers, signed in through the same server action over HTTP.
  const cookies = await signInReaders(base, captured, Array.from({ length: 200 }, (_, i) => 100 + i));
  if (cookies.length === 0) throw new Error("No session could be made for the posting bench.");

  // Every UUID in the form (the idempotency key) is made fresh per request, so each posts anew.
  const uuids = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
  const headers = replayHeaders(captured.post.headers);
  const path = new URL(articleUrl).pathname;
  let sent = 0;
  const db = createPrismaClient(databaseUrl);
  try {
    const before = await db.comment.count({ where: { articleId, body: { startsWith: "Bench-Beitrag" } } });
    const startedAt = performance.now();
    const result = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: 10,
      requests: [
        {
          method: "POST",
          path,
          setupRequest: (request) => {
            const n = sent++;
            return {
              ...request,
              headers: { ...headers, cookie: cookies[n % cookies.length]! },
              body: captured.post.body.replace(uuids, () => randomUUID()).replace("Bench-Vorlage", `Bench-Beitrag ${n}`),
            };
          },
        },
      ],
    });
    const seconds = (performance.now() - startedAt) / 1000;
    const stored = (await db.comment.count({ where: { articleId, body: { startsWith: "Bench-Beitrag" } } })) - before;

    // The ceiling: the same rows as plain INSERTs over ${CONNECTIONS} connections for the same time.
    const pool = new pg.Pool({ connectionString: databaseUrl, max: CONNECTIONS });
    let inserted = 0;
    const until = performance.now() + 10_000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < until) {
          await pool.query(`INSERT INTO "Comment" ("id", "articleId", "authorId", "body", "status", "depth", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, 'APPROVED', 0, now(), now())`, [
            randomUUID(),
            articleId,
            authorIds[inserted % authorIds.length],
            `Bench-Insert ${inserted} ${randomUUID()}`,
          ]);
          inserted++;
        }
      }),
    );
    await pool.end();
    const acceptedPerSecond = Math.round(stored / seconds);
    const insertsPerSecond = Math.round(inserted / 10);
    return {
      sessions: cookies.length,
      requests: result.requests.total,
      stored,
      acceptedPerSecond,
      p50: result.latency.p50,
      p99: result.latency.p99,
      insertsPerSecond,
      ratio: round(acceptedPerSecond / insertsPerSecond, 3),
    };
  } finally {
    await db.$disconnect();
  }
}

function markdown(r: {
  date: string;
  machine: { cpus: number; model?: string; node: string; database: string };
  articlePage: { rps: number; p50: number; p99: number; non2xx: number; errors: number };
  staticCeiling: { rps: number; p50: number; p99: number };
  ratioToStatic: number;
  live: { clients: number; p50: number; p99: number; samples: number; missed: number };
  pageWeightGzipBytes: { signedOut: { js: number; css: number }; signedIn: { js: number; css: number }; articleBeyondHomeJs: number };
  serverRssMiB: { atRest: number; underLoadMax: number };
  lighthouse: Record<string, Record<string, number>>;
  posting: { sessions: number; requests: number; stored: number; acceptedPerSecond: number; p50: number; p99: number; insertsPerSecond: number; ratio: number };
}) {
  const lh = (name: string) => {
    const s = r.lighthouse[name] ?? {};
    return `performance ${s.performance}, accessibility ${s.accessibility}, best practices ${s["best-practices"]}, SEO ${s.seo}`;
  };
  return `Bench of ${r.date.slice(0, 16).replace("T", " ")} UTC on ${r.machine.cpus} cores (${r.machine.model ?? "?"}), Node ${r.machine.node}, ${r.machine.database} PostgreSQL.

| Measure | Result | Target |
|---|---|---|
| Article page (1,000 comments), anonymous, ${CONNECTIONS} connections | ${r.articlePage.rps} req/s, p50 ${r.articlePage.p50} ms, p99 ${r.articlePage.p99} ms (${r.articlePage.non2xx} non-2xx, ${r.articlePage.errors} errors) | ≥ 0.5 × static, p99 < 50 ms |
| Same HTML from a minimal Node static server | ${r.staticCeiling.rps} req/s, p99 ${r.staticCeiling.p99} ms | ceiling |
| Ratio article page / static | ${r.ratioToStatic} | ≥ 0.5 |
| Live update delay, ${r.live.clients} SSE clients | p50 ${r.live.p50} ms, p99 ${r.live.p99} ms (${r.live.samples} deliveries, ${r.live.missed} missed) | p99 < 1 s |
| JavaScript, article page, signed out (gzip) | ${kb(r.pageWeightGzipBytes.signedOut.js)} | < 120 KB |
| JavaScript beyond the home page's (≈ comment section) | ${kb(r.pageWeightGzipBytes.articleBeyondHomeJs)} | < 15 KB |
| JavaScript, signed in (gzip) | ${kb(r.pageWeightGzipBytes.signedIn.js)} | – |
| CSS (gzip) | ${kb(r.pageWeightGzipBytes.signedOut.css)} | – |
| Server memory (RSS) at rest / under load | ${r.serverRssMiB.atRest} MiB / ${r.serverRssMiB.underLoadMax} MiB | – |
| Posting comments through the server action (${r.posting.sessions} signed-in readers) | ${r.posting.acceptedPerSecond} stored/s, p50 ${r.posting.p50} ms, p99 ${r.posting.p99} ms (${r.posting.stored} stored; ${r.posting.requests} answers within the run, the rest still in flight at its end) | – |
| Plain INSERTs of the same rows (pg, ${CONNECTIONS} connections) | ${r.posting.insertsPerSecond}/s | ceiling |
| Ratio posting / INSERT | ${r.posting.ratio} | ≥ 0.3 |
| Lighthouse, home page | ${lh("home")} | 95 / 100 / 100 / 100 |
| Lighthouse, article page | ${lh("article")} | 95 / 100 / 100 / 100 |
`;
}

/** The whole run, top to bottom; called at the end of the file, once every helper above exists. */
async function main() {
  const { db, databaseUrl, embedded, dispose } = await benchDatabase();
  let app: Awaited<ReturnType<typeof startProductionServer>> | null = null;

  try {
    // ── Seed ─────────────────────────────────────────────────────────────────────────────────
    const started = performance.now();
    const { article, readers } = await seedNewsroom(db, { readers: READERS, articles: ARTICLES, threads: THREADS, replies: REPLIES });
    // The bench posts faster than a person would.
    await applySettings(db, { commentsPerMinute: 100, minSubmitSeconds: 0 });
    log(`seeded ${READERS} readers, ${ARTICLES} articles and ${THREADS * (1 + REPLIES)} comments in ${Math.round(performance.now() - started)} ms`);

    // ── The production server ───────────────────────────────────────────────────────────────
    const server = await startProductionServer(databaseUrl);
    app = server;
    const { base } = server;
    const articleUrl = `${base}/artikel/${article.slug}`;
    log(`server up on ${base}`);
    const restRss = server.rss();

    // ── 1. Article page, anonymous ───────────────────────────────────────────────────────────
    await load(articleUrl, 5, 10);
    const rssSamples: number[] = [];
    const sampler = setInterval(() => rssSamples.push(server.rss()), 500);
    const page = await load(articleUrl, SECONDS, CONNECTIONS);
    clearInterval(sampler);
    log(`article page: ${page.rps} req/s, p50 ${page.p50} ms, p99 ${page.p99} ms`);

    // ── 2. The same HTML as a static file ───────────────────────────────────────────────────
    const html = await (await fetch(articleUrl)).text();
    const staticFile = path.join(os.tmpdir(), `agora-bench-${process.pid}.html`);
    writeFileSync(staticFile, html);
    const staticPort = await freePort();
    const staticServer = spawn(process.execPath, ["-e", STATIC_SERVER, staticFile, String(staticPort)], { stdio: "ignore" });
    await waitForServer(`http://127.0.0.1:${staticPort}`);
    await load(`http://127.0.0.1:${staticPort}/`, 5, 10);
    const ceiling = await load(`http://127.0.0.1:${staticPort}/`, SECONDS, CONNECTIONS);
    staticServer.kill();
    log(`static file: ${ceiling.rps} req/s, p99 ${ceiling.p99} ms`);

    // ── 3. Live update delay with many readers connected ────────────────────────────────────
    const live = await measureLive(base, article.id, async () => {
      const settings = await readSiteSettings(db);
      const writer = readers[10 + Math.floor(Math.random() * 500)]!.id;
      await postComment({ db, settings, limits: postgresStore(db) }, writer, { articleId: article.id, body: `Live ${randomUUID()}`, idempotencyKey: randomUUID() });
    });
    log(`live updates: p50 ${live.p50} ms, p99 ${live.p99} ms over ${live.samples} deliveries (${live.missed} missed)`);

    // ── 4. Page weight in Chromium ──────────────────────────────────────────────────────────
    const weight = await pageWeight(base, articleUrl);
    log(`page weight: JS ${kb(weight.signedOut.js)} / CSS ${kb(weight.signedOut.css)} signed out, JS ${kb(weight.signedIn.js)} signed in`);

    // ── 5. Posting comments ────────────────────────────────────────────────────────────────
    const posting = await measurePosting(base, articleUrl, article.id, databaseUrl, readers.map((reader) => reader.id));
    log(`posting: ${posting.acceptedPerSecond} comments/s stored (p99 ${posting.p99} ms) vs ${posting.insertsPerSecond} plain INSERTs/s`);

    // ── 6. Lighthouse ───────────────────────────────────────────────────────────────────────
    const scores = await lighthouseScores({ home: `${base}/`, article: articleUrl });
    log(`lighthouse: ${JSON.stringify(scores)}`);

    // ── Results ─────────────────────────────────────────────────────────────────────────────
    const results = {
      date: new Date().toISOString(),
      machine: machine(embedded),
      load: { connections: CONNECTIONS, seconds: SECONDS, comments: THREADS * (1 + REPLIES), articles: ARTICLES + 1, readers: READERS },
      articlePage: page,
      staticCeiling: ceiling,
      ratioToStatic: round(page.rps / ceiling.rps, 3),
      live,
      pageWeightGzipBytes: weight,
      serverRssMiB: { atRest: mib(restRss), underLoadMax: mib(Math.max(...rssSamples)) },
      lighthouse: scores,
      posting,
    };
    writeResults("latest", results, markdown(results));
  } finally {
    app?.stop();
    await dispose();
  }
}

await main();
