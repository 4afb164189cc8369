import { beforeAll, describe, expect, it } from "vitest";

import { getDiscussion, getReaderDiscussion } from "@/lib/comments/queries";
import type { Db } from "@/lib/db/client";

import { freshDatabase } from "../helpers/db";
import { createArticle, createComment, createUser } from "../helpers/factories";

let db: Db;
beforeAll(async () => {
  ({ db } = await freshDatabase());
});

const minutes = (n: number) => new Date(Date.UTC(2026, 10, 24, 8, n));

/** An article with `n` top-level comments a minute apart, the first one n minutes after 8:00. */
async function articleWithComments(n: number) {
  const [author, article] = await Promise.all([createUser(db), createArticle(db)]);
  await db.comment.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      articleId: article.id,
      authorId: author.id,
      body: `Nr. ${i + 1}`,
      status: "APPROVED" as const,
      createdAt: minutes(i + 1),
    })),
  });
  return { article, author };
}

const bodies = (threads: Array<{ body: string }>) => threads.map((thread) => thread.body);

describe("the discussion a reader sees", () => {
  it("comes in pages of 20 top-level comments, oldest first by default", async () => {
    const { article } = await articleWithComments(45);
    const first = await getDiscussion({ db, articleId: article.id });
    expect(first.threads).toHaveLength(20);
    expect(first.threads[0]!.body).toBe("Nr. 1");
    expect(first.hasMore).toBe(true);
    const all = await getDiscussion({ db, articleId: article.id, limit: 60 });
    expect(all.threads).toHaveLength(45);
    expect(all.hasMore).toBe(false);
  });

  it("sorts by newest and by most likes", async () => {
    const { article } = await articleWithComments(3);
    expect(bodies((await getDiscussion({ db, articleId: article.id, sort: "newest" })).threads)).toEqual(["Nr. 3", "Nr. 2", "Nr. 1"]);
    await db.comment.updateMany({ where: { articleId: article.id, body: "Nr. 2" }, data: { reactionCount: 5 } });
    expect(bodies((await getDiscussion({ db, articleId: article.id, sort: "top" })).threads)).toEqual(["Nr. 2", "Nr. 1", "Nr. 3"]);
  });

  it("shows pending comments to their author only, and never rejected ones", async () => {
    const [author, other, article] = await Promise.all([createUser(db), createUser(db), createArticle(db)]);
    await createComment(db, { articleId: article.id, authorId: author.id, status: "PENDING", body: "wartet" });
    await createComment(db, { articleId: article.id, authorId: author.id, status: "REJECTED", body: "abgelehnt" });
    expect(bodies((await getDiscussion({ db, articleId: article.id, viewerId: author.id })).threads)).toEqual(["wartet"]);
    expect((await getDiscussion({ db, articleId: article.id, viewerId: other.id })).threads).toEqual([]);
    expect((await getDiscussion({ db, articleId: article.id })).threads).toEqual([]);
  });

  it("shows the first replies of a long thread and says how many more there are; an opened thread shows all", async () => {
    const { article, author } = await articleWithComments(1);
    const root = await db.comment.findFirstOrThrow({ where: { articleId: article.id } });
    for (let i = 1; i <= 13; i++) {
      await db.comment.create({
        data: {
          articleId: article.id,
          authorId: author.id,
          parentId: root.id,
          rootId: root.id,
          depth: 1,
          body: `Antwort ${i}`,
          status: "APPROVED",
          createdAt: minutes(10 + i),
        },
      });
    }
    const folded = await getDiscussion({ db, articleId: article.id });
    expect(folded.threads[0]!.replies).toHaveLength(10);
    expect(folded.threads[0]!.hiddenReplies).toBe(3);
    const opened = await getDiscussion({ db, articleId: article.id, expandThread: root.id });
    expect(opened.threads[0]!.replies).toHaveLength(13);
    expect(opened.threads[0]!.hiddenReplies).toBe(0);
  });

  it("a permalink to a reply on a later page loads just that page and opens the thread", async () => {
    const { article, author } = await articleWithComments(30);
    const late = await db.comment.findFirstOrThrow({ where: { articleId: article.id, body: "Nr. 27" } });
    const replies = [];
    for (let i = 1; i <= 12; i++) {
      replies.push(await createComment(db, { articleId: article.id, authorId: author.id, parentId: late.id, body: `Antwort ${i}` }));
    }
    const target = replies[11]!;
    const view = await getDiscussion({ db, articleId: article.id, focusId: target.id });
    expect(view.focusId).toBe(target.id);
    // Nr. 27 is on the second page: without the permalink the first page ends at Nr. 20.
    expect((await getDiscussion({ db, articleId: article.id })).threads.some((t) => t.id === late.id)).toBe(false);
    expect(view.offset).toBe(20);
    expect(view.threads).toHaveLength(10);
    const thread = view.threads.find((t) => t.id === late.id)!;
    expect(thread.replies.map((r) => r.id)).toContain(target.id);
  });

  it("marks what this reader liked and reported", async () => {
    const [author, reader, article] = await Promise.all([createUser(db), createUser(db), createArticle(db)]);
    const comment = await createComment(db, { articleId: article.id, authorId: author.id });
    await db.reaction.create({ data: { commentId: comment.id, userId: reader.id } });
    await db.report.create({ data: { commentId: comment.id, reporterId: reader.id, reason: "SPAM" } });
    const [thread] = (await getDiscussion({ db, articleId: article.id, viewerId: reader.id })).threads;
    expect(thread).toMatchObject({ liked: true, reported: true });
    const [anonymous] = (await getDiscussion({ db, articleId: article.id })).threads;
    expect(anonymous).toMatchObject({ liked: false, reported: false });
  });

  it("is the same for a signed-in reader whether or not it comes from the signed-out readers' discussion", async () => {
    const [author, reader, article] = await Promise.all([createUser(db), createUser(db), createArticle(db)]);
    const liked = await createComment(db, { articleId: article.id, authorId: author.id });
    const reply = await createComment(db, { articleId: article.id, authorId: author.id, parentId: liked.id });
    await db.reaction.create({ data: { commentId: reply.id, userId: reader.id } });
    await db.report.create({ data: { commentId: liked.id, reporterId: reader.id, reason: "SPAM" } });
    const query = { articleId: article.id, viewerId: reader.id };
    // Without pending comments of the reader: the public discussion, marked with their likes and reports.
    expect(await getReaderDiscussion(article.slug, query)).toEqual(await getDiscussion({ ...query, db }));
    const [thread] = (await getReaderDiscussion(article.slug, query)).threads;
    expect(thread).toMatchObject({ reported: true, liked: false, replies: [{ id: reply.id, liked: true, reported: false }] });
    // With one: their own comment awaiting approval is there too.
    const waiting = await createComment(db, { articleId: article.id, authorId: reader.id, status: "PENDING" });
    const withPending = await getReaderDiscussion(article.slug, query);
    expect(withPending).toEqual(await getDiscussion({ ...query, db }));
    expect(withPending.threads.map((t) => t.id)).toContain(waiting.id);
  });
});
