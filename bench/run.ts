/**
 * `npm run bench`: builds the production app and starts two instances on a fresh database (on
 * DATABASE_URL's server, or an embedded PostgreSQL) behind a real Varnish, seeds a realistic
 * load and measures what readers and publishers notice, side by side with nginx serving the same
 * bytes. Prints a table and writes bench/results/latest.{json,md}. Not a test: it asserts nothing,
 * and CI does not run it. See bench/README.md.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";

import { startVarnish } from "../e2e/support/varnish";
import { postComment } from "../lib/comments/commands/post";
import { freePort } from "../lib/db/embedded";
import { postgresStore } from "../lib/ratelimit/postgres-store";
import { readSiteSettings } from "../lib/settings/site";
import { lighthouseScores, pageWeight } from "./browser";
import { benchDatabase } from "./database";
import { measureLiveBurst } from "./live";
import { measurePosting, postingSessions } from "./posting";
import { kb, machine, mib, round, writeResults } from "./report";
import { applySettings, seedNewsroom } from "./seed";
import { startProductionServer } from "./server";
import { measureStaleness } from "./stale";
import { ensureBenchTools, startNginx, wrk, type LoadResult } from "./tools";

const READERS = 1000;
const ARTICLES = 200;
const THREADS = 250; // × (1 + REPLIES) = 1,000 comments on the benchmarked article
const REPLIES = 3;
const CONNECTIONS = 50;
const SECONDS = 10;
const ROUNDS = 3;
const SSE_CLIENTS = 1000;

const log = (message: string) => console.log(`· ${message}`);
const line = (r: LoadResult) =>
  `${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms (${r.timeouts} timeouts, ${r.errors} socket errors, ${r.non2xx} non-2xx)`;

type Results = {
  date: string;
  machine: ReturnType<typeof machine>;
  nginxStatic: LoadResult;
  direct: LoadResult;
  varnish: LoadResult;
  signedIn: LoadResult;
  signedInOneConnection: LoadResult;
  ratios: { direct: number; varnish: number; byRound: { direct: number[]; varnish: number[] } };
  htmlBytes: number;
  stale: Awaited<ReturnType<typeof measureStaleness>>;
  live: Awaited<ReturnType<typeof measureLiveBurst>>;
  pageWeightGzipBytes: Awaited<ReturnType<typeof pageWeight>>;
  serverRssMiB: Record<string, number>;
  lighthouse: Record<string, Record<string, number>>;
  posting: Awaited<ReturnType<typeof measurePosting>>;
};

function markdown(r: Results) {
  const lh = (name: string) => {
    const s = r.lighthouse[name] ?? {};
    return `performance ${s.performance}, accessibility ${s.accessibility}, best practices ${s["best-practices"]}, SEO ${s.seo}`;
  };
  const stale = (name: string) => {
    const s = r.stale[name];
    return s ? `p50 ${s.p50} ms, p99 ${s.p99} ms, max ${s.max} ms (${s.samples} seen, ${s.missed} missed)` : "–";
  };
  return `Bench of ${r.date.slice(0, 16).replace("T", " ")} UTC on ${r.machine.cpus} cores (${r.machine.model ?? "?"}), Node ${r.machine.node}, ${r.machine.database} PostgreSQL.
Load generator: wrk, 2 threads, ${CONNECTIONS} connections, ${SECONDS} s, on the same machine (nginx, Agora and Varnish taking turns, ${ROUNDS} rounds, the median round shown); the article has 1,000 comments (${kb(r.htmlBytes)} of HTML).

| Measure | Result | Target |
|---|---|---|
| nginx serving the article's HTML as a file | ${line(r.nginxStatic)} | ceiling |
| Article page, anonymous, Agora directly (one instance) | ${line(r.direct)} | ≥ 0.25 × nginx, p99 < 50 ms, no timeouts |
| Ratio direct / nginx (median round; each round) | ${r.ratios.direct} (${r.ratios.byRound.direct.join(", ")}) | ≥ 0.25 |
| Article page, anonymous, through Varnish (two instances behind) | ${line(r.varnish)} | ≥ 0.8 × nginx |
| Ratio Varnish / nginx (median round; each round) | ${r.ratios.varnish} (${r.ratios.byRound.varnish.join(", ")}) | ≥ 0.8 |
| Article page, signed in (rendered per request) | ${line(r.signedIn)} | ≥ 3 × before (8–12 req/s) |
| Signed in, one connection | p50 ${r.signedInOneConnection.p50} ms per view, ${r.signedInOneConnection.rps} req/s | – |
| Stale after a post at instance A, seen at instance B | ${stale("instanceB")} | p99 < 1 s |
| Stale after a post at instance A, seen through Varnish | ${stale("varnish")} | p99 < 1 s |
| Live: ${r.live.clients} streams opened at once | ${r.live.connected} connected (all within ${r.live.allConnectedMs ?? "–"} ms; p50 ${r.live.connectP50} ms, p99 ${r.live.connectP99} ms), ${r.live.failed} failed, ${r.live.serverErrors} 5xx | all within 5 s, none missed, no 5xx |
| Live: delivery of ${r.live.rounds} comments to every stream | p50 ${r.live.p50} ms, p99 ${r.live.p99} ms (${r.live.deliveries} deliveries, ${r.live.missed} missed) | none missed |
| JavaScript, article page, signed out (gzip) | ${kb(r.pageWeightGzipBytes.signedOut.js)} | < 120 KB |
| JavaScript beyond the home page's (≈ comment section) | ${kb(r.pageWeightGzipBytes.articleBeyondHomeJs)} | < 15 KB |
| Server memory (RSS, instance A): at rest / most during anonymous load / signed-in load / live streams / posting | ${r.serverRssMiB.atRest} / ${r.serverRssMiB.anonymous} / ${r.serverRssMiB.signedIn} / ${r.serverRssMiB.live} / ${r.serverRssMiB.posting} MiB | < 500 MiB |
| Posting comments through the server action (${r.posting.sessions} signed-in readers) | ${r.posting.acceptedPerSecond} stored/s, p50 ${r.posting.p50} ms, p99 ${r.posting.p99} ms (${r.posting.stored} stored) | – |
| Plain INSERTs of the same rows (pg, ${CONNECTIONS} connections) | ${r.posting.insertsPerSecond}/s | ceiling |
| Ratio posting / INSERT | ${r.posting.ratio} | ≥ 0.3 |
| Lighthouse, home page | ${lh("home")} | 95 / 100 / 100 / 100 |
| Lighthouse, article page | ${lh("article")} | 95 / 100 / 100 / 100 |
`;
}

/** The whole run, top to bottom; called at the end of the file, once every helper above exists. */
async function main() {
  ensureBenchTools();
  const { db, databaseUrl, embedded, dispose } = await benchDatabase();
  const stops: Array<() => unknown> = [];

  try {
    // ── Seed ─────────────────────────────────────────────────────────────────────────────────
    const started = performance.now();
    const { article, readers } = await seedNewsroom(db, { readers: READERS, articles: ARTICLES, threads: THREADS, replies: REPLIES });
    // The bench posts faster than a person would.
    await applySettings(db, { commentsPerMinute: 100, minSubmitSeconds: 0 });
    log(
      `seeded ${READERS} readers, ${ARTICLES} articles and ${THREADS * (1 + REPLIES)} comments in ${Math.round(performance.now() - started)} ms`,
    );

    // ── Two instances of the production build behind Varnish ───────────────────────────────
    const ports = [await freePort(), await freePort()] as const;
    const varnish = await startVarnish([...ports]);
    stops.push(varnish.stop);
    // The bench signs readers in from many forwarded addresses (sign-in is limited per address).
    const env = { AGORA_PURGE_URLS: `${varnish.url}/`, AGORA_TRUSTED_PROXIES: "127.0.0.1/32" };
    const a = await startProductionServer(databaseUrl, { port: ports[0], env });
    stops.push(a.stop);
    const b = await startProductionServer(databaseUrl, { port: ports[1], env });
    stops.push(b.stop);
    const path = `/artikel/${article.slug}`;
    const articleUrl = `${a.base}${path}`;
    log(`instances on ${a.base} and ${b.base}, Varnish on ${varnish.url}`);
    const restRss = a.rss();
    // The most instance A used during each part of the run.
    const rss: Record<string, number> = {};
    let phase = "anonymous";
    const sampler = setInterval(() => (rss[phase] = Math.max(rss[phase] ?? 0, a.rss())), 250);

    // ── 1. Anonymous article page: nginx, Agora directly, through Varnish ───────────────────
    // Taking turns, three rounds each, the median round reported: the load generator shares the
    // two cores with whatever it measures, and the machine's load changes from minute to minute.
    const html = await (await fetch(articleUrl)).text();
    const nginx = await startNginx(html);
    stops.push(nginx.stop);
    const targets = { nginxStatic: nginx.url, direct: articleUrl, varnish: `${varnish.url}${path}` };
    for (const url of Object.values(targets)) await wrk(url, { seconds: 3 });
    const rounds: Record<keyof typeof targets, LoadResult[]> = { nginxStatic: [], direct: [], varnish: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, url] of Object.entries(targets) as Array<[keyof typeof targets, string]>)
        rounds[name].push(await wrk(url, { seconds: SECONDS }));
    }
    await nginx.stop();
    const median = (results: LoadResult[]) => [...results].sort((x, y) => x.rps - y.rps)[Math.floor(results.length / 2)]!;
    const nginxStatic = median(rounds.nginxStatic);
    const direct = median(rounds.direct);
    const throughVarnish = median(rounds.varnish);
    const ratioRounds = {
      direct: rounds.direct.map((r, i) => round(r.rps / rounds.nginxStatic[i]!.rps, 3)),
      varnish: rounds.varnish.map((r, i) => round(r.rps / rounds.nginxStatic[i]!.rps, 3)),
    };
    log(`nginx static: ${line(nginxStatic)}`);
    log(`Agora directly: ${line(direct)}; ratios by round ${ratioRounds.direct.join(", ")}`);
    log(`through Varnish: ${line(throughVarnish)}; ratios by round ${ratioRounds.varnish.join(", ")}`);

    // ── 2. Signed-in article page, and how stale a change stays ─────────────────────────────
    phase = "signedIn";
    const writers = await postingSessions(a.base, articleUrl);
    const session = { cookie: writers.cookies[0]! };
    await wrk(articleUrl, { seconds: 3, connections: 10, headers: session });
    const signedIn = await wrk(articleUrl, { seconds: SECONDS, headers: session });
    const signedInOneConnection = await wrk(articleUrl, { seconds: 5, connections: 1, headers: session });
    log(`signed in: ${line(signedIn)}; one connection p50 ${signedInOneConnection.p50} ms`);
    const stale = await measureStaleness({
      postUrl: articleUrl,
      captured: writers.captured.post,
      template: writers.template,
      cookie: writers.cookies[1]!,
      pagePaths: { instanceB: `${b.base}${path}`, varnish: `${varnish.url}${path}` },
    });
    log(`stale: ${JSON.stringify(stale)}`);

    // ── 3. A thousand live streams at once ──────────────────────────────────────────────────
    phase = "live";
    const live = await measureLiveBurst(
      a.base,
      article.id,
      async () => {
        const settings = await readSiteSettings(db);
        const writer = readers[10 + Math.floor(Math.random() * 500)]!.id;
        await postComment({
          db,
          settings,
          limits: postgresStore(db),
          userId: writer,
          articleId: article.id,
          body: `Live ${randomUUID()}`,
          idempotencyKey: randomUUID(),
        });
      },
      { clients: SSE_CLIENTS },
    );
    log(`live: ${JSON.stringify(live)}`);

    // ── 4. Posting comments ────────────────────────────────────────────────────────────────
    phase = "posting";
    const posting = await measurePosting(
      a.base,
      articleUrl,
      article.id,
      databaseUrl,
      readers.map((reader) => reader.id),
      writers,
    );
    log(`posting: ${posting.acceptedPerSecond} comments/s stored (p99 ${posting.p99} ms) vs ${posting.insertsPerSecond} plain INSERTs/s`);
    clearInterval(sampler);

    // ── 5. Page weight and Lighthouse in Chromium ──────────────────────────────────────────
    const weight = await pageWeight(a.base, articleUrl);
    log(`page weight: JS ${kb(weight.signedOut.js)} / CSS ${kb(weight.signedOut.css)} signed out, JS ${kb(weight.signedIn.js)} signed in`);
    const scores = await lighthouseScores({ home: `${a.base}/`, article: articleUrl });
    log(`lighthouse: ${JSON.stringify(scores)}`);

    // ── Results ─────────────────────────────────────────────────────────────────────────────
    const results: Results = {
      date: new Date().toISOString(),
      machine: machine(embedded),
      nginxStatic,
      direct,
      varnish: throughVarnish,
      signedIn,
      signedInOneConnection,
      ratios: {
        direct: round(direct.rps / nginxStatic.rps, 3),
        varnish: round(throughVarnish.rps / nginxStatic.rps, 3),
        byRound: ratioRounds,
      },
      htmlBytes: Buffer.byteLength(html),
      stale,
      live,
      pageWeightGzipBytes: weight,
      serverRssMiB: { atRest: mib(restRss), ...Object.fromEntries(Object.entries(rss).map(([name, bytes]) => [name, mib(bytes)])) },
      lighthouse: scores,
      posting,
    };
    writeResults("latest", results, markdown(results));
  } finally {
    for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => undefined);
    await dispose();
  }
}

await main();
