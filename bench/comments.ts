/**
 * `npm run bench:comments`: how the comment queries hold up on an article with 10,000
 * comments (2,000 threads of five). Runs on a throwaway database on DATABASE_URL's server,
 * or on an embedded PostgreSQL; prints median and 95th percentile per operation.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";

import { postComment } from "../lib/comments/commands/post";
import { toggleReaction } from "../lib/comments/commands/reactions";
import { getDiscussion } from "../lib/comments/queries";
import { postgresStore } from "../lib/ratelimit/postgres-store";
import { readSiteSettings } from "../lib/settings/site";
import { benchDatabase } from "./database";

const THREADS = 2000;
const REPLIES = 4;
const RUNS = 40;

const { db, dispose } = await benchDatabase();

try {
  const author = await db.user.create({ data: { name: "Bench", email: "bench@example.org", emailVerified: new Date(), role: "EDITOR" } });
  const readers = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      db.user.create({ data: { name: `Leser ${i}`, email: `leser-${i}@example.org`, emailVerified: new Date() } }),
    ),
  );
  const article = await db.article.create({
    data: {
      slug: "zehntausend",
      title: "Zehntausend Kommentare",
      body: "Text",
      status: "PUBLISHED",
      publishedAt: new Date(Date.now() - 86_400_000),
      authorId: author.id,
    },
  });
  const started = performance.now();
  await db.$executeRaw`
    INSERT INTO "Comment" ("id", "articleId", "authorId", "body", "status", "depth", "reactionCount", "replyCount", "createdAt", "updatedAt")
    SELECT 'top-' || g, ${article.id}, ${readers[0]!.id}, 'Kommentar Nummer ' || g || ' mit etwas **Markdown** und einem [Link](https://example.org).',
           'APPROVED', 0, (g * 7919) % 40, ${REPLIES}, now() - ((${THREADS} - g) * interval '20 seconds'), now()
    FROM generate_series(1, ${THREADS}) AS g`;
  await db.$executeRaw`
    INSERT INTO "Comment" ("id", "articleId", "authorId", "parentId", "rootId", "body", "status", "depth", "createdAt", "updatedAt")
    SELECT 'reply-' || g || '-' || r, ${article.id}, ${readers[1]!.id}, 'top-' || g, 'top-' || g, 'Antwort ' || r || ' auf Kommentar ' || g,
           'APPROVED', 1, now() - ((${THREADS} - g) * interval '20 seconds') + r * interval '1 second', now()
    FROM generate_series(1, ${THREADS}) AS g, generate_series(1, ${REPLIES}) AS r`;
  const total = THREADS * (REPLIES + 1);
  await db.article.update({ where: { id: article.id }, data: { commentCount: total } });
  await db.$executeRawUnsafe(`ANALYZE "Comment"`);
  console.log(`Seeded ${total} comments in ${Math.round(performance.now() - started)} ms.\n`);

  const settings = await readSiteSettings(db);
  const limits = postgresStore(db);
  const viewer = readers[2]!.id;
  let reader = 3;

  const cases: Array<[string, () => Promise<unknown>]> = [
    ["first page, oldest first (20 threads + replies)", () => getDiscussion({ db, articleId: article.id, viewerId: viewer })],
    ["first page, newest first", () => getDiscussion({ db, articleId: article.id, viewerId: viewer, sort: "newest" })],
    ["first page, most liked", () => getDiscussion({ db, articleId: article.id, viewerId: viewer, sort: "top" })],
    ["page 50 via 'load more' (1,000 threads shown)", () => getDiscussion({ db, articleId: article.id, viewerId: viewer, limit: 1000 })],
    [
      "permalink to a reply in thread 1,990 of 2,000 (loads its page only)",
      () => getDiscussion({ db, articleId: article.id, viewerId: viewer, focusId: "reply-1990-3" }),
    ],
    [
      "post a comment (validation, rate limit, intake, counts, NOTIFY)",
      () =>
        postComment({
          db,
          settings,
          limits,
          userId: readers[reader++ % readers.length]!.id,
          articleId: article.id,
          body: "Ein neuer Gedanke.",
          idempotencyKey: randomUUID(),
        }),
    ],
    ["toggle a like", () => toggleReaction({ db, settings, limits, userId: viewer, commentId: "top-1500" })],
  ];

  console.log("| operation | median | p95 |");
  console.log("| --- | --- | --- |");
  for (const [name, run] of cases) {
    for (let i = 0; i < 5; i++) await run();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await run();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
    console.log(`| ${name} | ${at(0.5)} ms | ${at(0.95)} ms |`);
  }
} finally {
  await dispose();
}
