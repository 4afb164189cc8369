/**
 * `npx tsx bench/profile-article.ts`: what one signed-in view of the bench article costs the
 * server. Seeds the bench's article (1,000 comments, 80 on its first page) on a fresh database,
 * starts the production build, signs a reader in (a session cookie minted with the site's
 * secret, as Auth.js would after sign-in) and requests the article page one after another:
 * wall time per view (median, p90) and the server's CPU time per view (from /proc, which the
 * other processes on a shared machine disturb far less). Prints HTML and RSC payload sizes.
 *
 *   --requests N   sequential views measured (default 100, after 20 to warm up)
 *   --load S       then S seconds of autocannon with 10 connections (default 10; 0 for none)
 *   --anonymous    a signed-out reader instead (served from the data cache)
 *   --compare DIR  also serve the build in DIR (another commit's tree, built there) on the same
 *                  database, the two taking turns, so that both meet the same load from others
 *   --profile      run the server under `node --cpu-prof` and summarise the profile by
 *                  function and package (bench/profile/summary.txt); timings are then inflated
 * The page as the reader got it is kept in bench/profile/article.html.
 *
 * Not a test; see bench/README.md, "Profiling one article view".
 */
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { encode } from "next-auth/jwt";

import { authSecret } from "../lib/accounts/secret";
import { freePort } from "../lib/db/embedded";
import { buildIfNeeded } from "../scripts/build-stamp";
import { NEXT_BIN, serverEnv } from "../scripts/serve";
import { benchDatabase } from "./database";
import { summariseProfile } from "./profile-summary";
import { percentile, round } from "./report";
import { seedNewsroom } from "./seed";
import { serverRss, waitForServer } from "./server";

const { values: args } = parseArgs({
  options: {
    compare: { type: "string" },
    anonymous: { type: "boolean", default: false },
    requests: { type: "string", default: "100" },
    load: { type: "string", default: "10" },
    profile: { type: "boolean", default: false },
  },
});
const REQUESTS = Number(args.requests);
const LOAD_SECONDS = Number(args.load);
const PROFILE_DIR = path.resolve("bench/profile");
const SESSION_COOKIE = "authjs.session-token";

/** User + system CPU time of a process and its children so far, in ms (Linux /proc). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // utime, stime, cutime, cstime are fields 14–17 of stat, 12–15 after the name.
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  return ticks * 10;
}

/** A session cookie for `user`, as Auth.js sets it after a credentials sign-in over plain HTTP. */
async function sessionCookie(user: { id: string; email: string; sessionVersion: number }) {
  const token = await encode({
    salt: SESSION_COOKIE,
    secret: authSecret(),
    token: { sub: user.id, email: user.email, role: "READER", sessionVersion: user.sessionVersion },
  });
  return `${SESSION_COOKIE}=${token}`;
}

/** Bytes of the page that are the React Server Components payload (the self.__next_f.push scripts). */
function flightBytes(html: string) {
  let total = 0;
  for (const match of html.matchAll(/<script[^>]*>(self\.__next_f\.push\([\s\S]*?\))<\/script>/g)) total += Buffer.byteLength(match[1]!);
  return total;
}

async function main() {
  const { db, databaseUrl, dispose } = await benchDatabase();
  const servers: ReturnType<typeof spawn>[] = [];
  try {
    const { article, readers } = await seedNewsroom(db, { readers: 1000, articles: 200, threads: 250, replies: 3 });
    const reader = await db.user.findUniqueOrThrow({
      where: { id: readers[500]!.id },
      select: { id: true, email: true, sessionVersion: true },
    });
    const cookie = await sessionCookie({ id: reader.id, email: reader.email!, sessionVersion: reader.sessionVersion });

    const env: NodeJS.ProcessEnv = { ...serverEnv(databaseUrl, true), NODE_ENV: "production" };
    await buildIfNeeded(NEXT_BIN, env);
    rmSync(PROFILE_DIR, { recursive: true, force: true });
    mkdirSync(PROFILE_DIR, { recursive: true });
    const headers: Record<string, string> = args.anonymous ? {} : { cookie };

    /** `next start` in `dir` (this tree, or a build of another commit), warmed up. */
    const start = async (dir: string, profiling: string[] = []) => {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      // Node 20 refuses --cpu-prof in NODE_OPTIONS; `next start` serves in this one process.
      const child = spawn(process.execPath, [...profiling, NEXT_BIN, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
        cwd: dir,
        env,
        stdio: ["ignore", "ignore", "inherit"],
      });
      servers.push(child);
      await waitForServer(base, child);
      const url = `${base}/artikel/${article.slug}`;
      const view = async () => {
        const response = await fetch(url, { headers });
        const html = await response.text();
        if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
        return html;
      };
      const html = await view();
      // The comment form appears only for a signed-in, verified reader: proof the cookie counts.
      if (!args.anonymous && !html.includes('name="idempotencyKey"')) throw new Error("the page was not rendered for the signed-in reader");
      for (let i = 0; i < 20; i++) await view();
      return {
        child,
        url,
        view,
        html,
        times: [] as number[],
        cpu: 0,
        views: 0,
        load: [] as Array<{ requests: number; seconds: number; cpu: number; p50: number; p99: number; non2xx: number; errors: number }>,
      };
    };
    const profiling = args.profile ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : [];
    const current = await start(process.cwd(), profiling);
    writeFileSync(path.join(PROFILE_DIR, "article.html"), current.html);
    // With --compare, the two builds take turns, so that both meet the same load from others.
    const contenders: Record<string, typeof current> = args.compare
      ? { current, compared: await start(path.resolve(args.compare)) }
      : { current };
    const rounds = args.compare ? 5 : 1;

    for (let round = 0; round < rounds; round++) {
      for (const server of Object.values(contenders)) {
        const cpuBefore = cpuMs(server.child.pid!);
        for (let i = 0; i < REQUESTS / rounds; i++) {
          const started = performance.now();
          await server.view();
          server.times.push(performance.now() - started);
        }
        server.cpu += cpuMs(server.child.pid!) - cpuBefore;
        server.views += REQUESTS / rounds;
      }
    }
    if (LOAD_SECONDS > 0) {
      for (let round = 0; round < Math.min(rounds, 2); round++) {
        for (const server of Object.values(contenders)) {
          const seconds = LOAD_SECONDS / Math.min(rounds, 2);
          const loadCpu = cpuMs(server.child.pid!);
          const load = await autocannon({ url: server.url, connections: 10, duration: seconds, headers });
          server.load.push({
            requests: load.requests.total,
            seconds,
            cpu: cpuMs(server.child.pid!) - loadCpu,
            p50: load.latency.p50,
            p99: load.latency.p99,
            non2xx: load.non2xx,
            errors: load.errors + load.timeouts,
          });
        }
      }
    }

    const results: Record<string, unknown> = {};
    for (const [name, server] of Object.entries(contenders)) {
      server.times.sort((a, b) => a - b);
      const requests = server.load.reduce((sum, l) => sum + l.requests, 0);
      results[name] = {
        dir: name === "current" ? process.cwd() : path.resolve(args.compare!),
        views: server.views,
        wallMsMedian: round(percentile(server.times, 0.5), 1),
        wallMsP90: round(percentile(server.times, 0.9), 1),
        serverCpuMsPerView: round(server.cpu / server.views, 1),
        htmlBytes: Buffer.byteLength(server.html),
        flightBytes: flightBytes(server.html),
        rssMiB: Math.round(serverRss(server.child.pid!) / 2 ** 20),
        ...(server.load.length > 0 && {
          load: {
            connections: 10,
            seconds: LOAD_SECONDS,
            rps: round(requests / server.load.reduce((sum, l) => sum + l.seconds, 0), 1),
            p50: Math.max(...server.load.map((l) => l.p50)),
            p99: Math.max(...server.load.map((l) => l.p99)),
            non2xx: server.load.reduce((sum, l) => sum + l.non2xx, 0),
            errors: server.load.reduce((sum, l) => sum + l.errors, 0),
            serverCpuMsPerView: round(server.load.reduce((sum, l) => sum + l.cpu, 0) / Math.max(1, requests), 1),
          },
        }),
      };
    }
    console.log(JSON.stringify(results, null, 2));

    if (args.profile) {
      const stopped = new Promise((resolve) => current.child.once("exit", resolve));
      current.child.kill("SIGTERM");
      await stopped;
      // The server process writes the largest profile; `next start` may leave small ones beside it.
      const [largest] = readdirSync(PROFILE_DIR)
        .filter((name) => name.endsWith(".cpuprofile"))
        .map((name) => path.join(PROFILE_DIR, name))
        .sort((a, b) => statSync(b).size - statSync(a).size);
      if (!largest) throw new Error(`no .cpuprofile in ${PROFILE_DIR}`);
      const summary = summariseProfile(JSON.parse(readFileSync(largest, "utf8")));
      writeFileSync(path.join(PROFILE_DIR, "summary.txt"), summary);
      console.log(`\n${summary}\nprofile: ${largest}`);
    }
  } finally {
    // Stopped before their database is dropped, or they report its loss as errors.
    await Promise.all(
      servers
        .filter((server) => server.exitCode === null)
        .map((server) => new Promise((resolve) => server.once("exit", resolve).kill("SIGTERM"))),
    );
    await dispose();
  }
}

await main();
