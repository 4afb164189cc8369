import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import pg from "pg";

import { createPrismaClient } from "../lib/db/client";
import { round } from "./report";
import { captureSubmissions, replayHeaders, signInReaders } from "./sessions";

const CONNECTIONS = 50;
const TEMPLATE = "Bench-Vorlage";

/** A post captured in Chromium, and session cookies of many readers signed in through the same server action. */
export async function postingSessions(base: string, articleUrl: string) {
  const captured = await captureSubmissions(base, articleUrl, 900, TEMPLATE);
  const cookies = await signInReaders(
    base,
    captured,
    Array.from({ length: 200 }, (_, i) => 100 + i),
  );
  if (cookies.length === 0) throw new Error("No session could be made for the posting bench.");
  return { captured, cookies, template: TEMPLATE };
}

export type PostingSessions = Awaited<ReturnType<typeof postingSessions>>;

/**
 * Comment posting through the real server action, as a browser sends it: the captured submission
 * replayed by autocannon for many signed-in readers (each replay with its own idempotency key and
 * text). Compared with plain INSERTs of the same rows over pg.
 */
export async function measurePosting(
  base: string,
  articleUrl: string,
  articleId: string,
  databaseUrl: string,
  authorIds: string[],
  writers: PostingSessions,
) {
  const { captured, cookies } = writers;

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
      timeout: 30,
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
          await pool.query(
            `INSERT INTO "Comment" ("id", "articleId", "authorId", "body", "status", "depth", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, 'APPROVED', 0, now(), now())`,
            [randomUUID(), articleId, authorIds[inserted % authorIds.length], `Bench-Insert ${inserted} ${randomUUID()}`],
          );
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
