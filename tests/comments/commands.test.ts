import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";

import type { CommandContext } from "@/lib/comments/commands/context";
import { deleteOwnComment } from "@/lib/comments/commands/delete";
import { editComment } from "@/lib/comments/commands/edit";
import { postComment } from "@/lib/comments/commands/post";
import { toggleReaction } from "@/lib/comments/commands/reactions";
import { reportComment } from "@/lib/comments/commands/reports";
import type { Db } from "@/lib/db/client";
import { postgresStore } from "@/lib/ratelimit/postgres-store";
import { readSiteSettings } from "@/lib/settings/site";

import { freshDatabase } from "../helpers/db";
import { createArticle, createComment, createUser } from "../helpers/factories";

let db: Db;
let ctx: CommandContext;

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ctx = { db, settings: await readSiteSettings(db), limits: postgresStore(db) };
});

const post = (userId: string, articleId: string, body: string, extra: { parentId?: string; key?: string; at?: Date } = {}) =>
  postComment({ ...ctx, now: extra.at, userId, articleId, body, parentId: extra.parentId, idempotencyKey: extra.key ?? randomUUID() });

async function counts(articleId: string) {
  return (await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { commentCount: true } })).commentCount;
}

describe("posting", () => {
  it("a verified reader's comment appears at once (post-moderation) and counts on the article", async () => {
    const [reader, article] = await Promise.all([createUser(db), createArticle(db)]);
    const result = await post(reader.id, article.id, "  Ein **kluger** Gedanke.  ");
    expect(result).toMatchObject({ ok: true, comment: { status: "APPROVED", duplicate: false } });
    const stored = await db.comment.findUniqueOrThrow({ where: { id: result.ok ? result.comment.id : "" } });
    expect(stored).toMatchObject({ body: "Ein **kluger** Gedanke.", depth: 0, parentId: null, rootId: null });
    expect(await counts(article.id)).toBe(1);
  });

  it("the same submission sent twice (a retry, a double click) makes one comment", async () => {
    const [reader, article] = await Promise.all([createUser(db), createArticle(db)]);
    const key = randomUUID();
    const [first, second] = await Promise.all([
      post(reader.id, article.id, "Einmal bitte.", { key }),
      post(reader.id, article.id, "Einmal bitte.", { key }),
    ]);
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.comment.id).toBe(second.comment.id);
    expect(await db.comment.count({ where: { articleId: article.id } })).toBe(1);
    expect(await counts(article.id)).toBe(1);
  });

  it("unverified and banned accounts may not post", async () => {
    const article = await createArticle(db);
    const unverified = await createUser(db, { emailVerified: null });
    const banned = await createUser(db, { bannedUntil: new Date(Date.now() + 60_000) });
    expect(await post(unverified.id, article.id, "Hallo")).toMatchObject({ ok: false, error: "verifyFirst" });
    expect(await post(banned.id, article.id, "Hallo")).toMatchObject({ ok: false, error: "banned" });
  });

  it("refuses empty and too long comments with the numbers for the message", async () => {
    const [reader, article] = await Promise.all([createUser(db), createArticle(db)]);
    expect(await post(reader.id, article.id, " \n ")).toMatchObject({ ok: false, error: "commentEmpty", field: "body" });
    expect(await post(reader.id, article.id, "ä".repeat(3001))).toMatchObject({
      ok: false,
      error: "commentTooLong",
      values: { max: 3000, count: 3001 },
    });
  });

  it("closed discussions, by the switch or by age, take no new comments", async () => {
    const reader = await createUser(db);
    const closed = await createArticle(db, { commentsOpen: false });
    expect(await post(reader.id, closed.id, "Hallo")).toMatchObject({ ok: false, error: "commentsClosed" });
    const old = await createArticle(db, { publishedAt: new Date(Date.now() - 30 * 86_400_000) });
    const result = await postComment({
      ...ctx,
      settings: { ...ctx.settings, commentsCloseAfterDays: 14 },
      userId: reader.id,
      articleId: old.id,
      body: "Hallo",
      idempotencyKey: randomUUID(),
    });
    expect(result).toMatchObject({ ok: false, error: "commentsClosed" });
  });

  it("drafts and unpublished articles cannot be commented on", async () => {
    const reader = await createUser(db);
    const draft = await createArticle(db, { status: "DRAFT", publishedAt: null });
    expect(await post(reader.id, draft.id, "Hallo")).toMatchObject({ ok: false, error: "notFound" });
  });

  it("holds comments for approval on a pre-moderated article, visible as pending, not counted", async () => {
    const [reader, article] = await Promise.all([createUser(db), createArticle(db, { premoderate: true })]);
    const result = await post(reader.id, article.id, "Bitte prüfen.");
    expect(result).toMatchObject({ ok: true, comment: { status: "PENDING" } });
    expect(await counts(article.id)).toBe(0);
    expect(
      await db.moderationLogEntry.count({ where: { action: "comment.auto_hold", targetId: result.ok ? result.comment.id : "" } }),
    ).toBe(1);
  });

  it("limits each account to five comments a minute, and says how long to wait", async () => {
    const [reader, article] = await Promise.all([createUser(db), createArticle(db)]);
    for (let i = 1; i <= 5; i++) expect((await post(reader.id, article.id, `Nummer ${i}`)).ok).toBe(true);
    const sixth = await post(reader.id, article.id, "Nummer 6");
    expect(sixth).toMatchObject({ ok: false, error: "commentRateLimited" });
    expect(!sixth.ok && Number(sixth.values?.seconds)).toBeGreaterThan(0);
    // Another reader is not affected.
    expect((await post((await createUser(db)).id, article.id, "Ich darf")).ok).toBe(true);
  });
});

describe("replies", () => {
  it("nest to the configured depth; deeper answers hang at the deepest level and name whom they answer", async () => {
    const [reader, article] = await Promise.all([createUser(db), createArticle(db)]);
    const top = await createComment(db, { articleId: article.id, authorId: reader.id });
    let n = 0;
    // Each answer says something new: the same text twice would be held as a repeat.
    const reply = async (parentId: string) => {
      const result = await post(reader.id, article.id, `Antwort ${++n}`, { parentId });
      if (!result.ok) throw new Error(result.error);
      return db.comment.findUniqueOrThrow({ where: { id: result.comment.id } });
    };
    const first = await reply(top.id);
    const second = await reply(first.id);
    const third = await reply(second.id);
    expect([first.depth, second.depth, third.depth]).toEqual([1, 2, 2]);
    expect(third).toMatchObject({ parentId: first.id, rootId: top.id, replyToId: second.id });
    expect((await db.comment.findUniqueOrThrow({ where: { id: top.id } })).replyCount).toBe(1);
    expect((await db.comment.findUniqueOrThrow({ where: { id: first.id } })).replyCount).toBe(2);
  });

  it("cannot answer a comment that is not public", async () => {
    const [reader, article] = await Promise.all([createUser(db), createArticle(db)]);
    const hidden = await createComment(db, { articleId: article.id, authorId: reader.id, status: "REJECTED" });
    expect(await post(reader.id, article.id, "Hallo", { parentId: hidden.id })).toMatchObject({ ok: false, error: "parentGone" });
  });
});

describe("editing and deleting one's own comments", () => {
  it("edits within the window mark the comment edited; after the window they are refused", async () => {
    const [reader, article] = await Promise.all([createUser(db), createArticle(db)]);
    const posted = await post(reader.id, article.id, "Erste Fassung");
    if (!posted.ok) throw new Error(posted.error);
    const id = posted.comment.id;
    const tenMinutesLater = new Date(Date.now() + 10 * 60_000);
    expect(await editComment({ ...ctx, now: tenMinutesLater, userId: reader.id, commentId: id, body: "Zweite Fassung" })).toEqual({
      ok: true,
      articleSlug: article.slug,
    });
    expect(await db.comment.findUniqueOrThrow({ where: { id } })).toMatchObject({ body: "Zweite Fassung", editedAt: tenMinutesLater });
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await editComment({ ...ctx, now: later, userId: reader.id, commentId: id, body: "Dritte Fassung" })).toMatchObject({
      ok: false,
      error: "editWindowOver",
      values: { minutes: 15 },
    });
  });

  it("nobody edits or deletes someone else's comment", async () => {
    const [author, other, article] = await Promise.all([createUser(db), createUser(db), createArticle(db)]);
    const comment = await createComment(db, { articleId: article.id, authorId: author.id });
    expect(await editComment({ ...ctx, userId: other.id, commentId: comment.id, body: "Gekapert" })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await deleteOwnComment({ ...ctx, userId: other.id, commentId: comment.id })).toMatchObject({ ok: false, error: "forbidden" });
  });

  it("a deleted comment with replies stays as a placeholder without name or words; without replies it goes", async () => {
    const [author, other, article] = await Promise.all([createUser(db), createUser(db), createArticle(db)]);
    const answered = await createComment(db, { articleId: article.id, authorId: author.id });
    await createComment(db, { articleId: article.id, authorId: other.id, parentId: answered.id });
    const lonely = await createComment(db, { articleId: article.id, authorId: author.id });
    expect(await counts(article.id)).toBe(3);

    expect(await deleteOwnComment({ ...ctx, userId: author.id, commentId: answered.id })).toEqual({ ok: true, articleSlug: article.slug });
    expect(await db.comment.findUniqueOrThrow({ where: { id: answered.id } })).toMatchObject({
      status: "DELETED",
      body: "",
      authorId: null,
    });
    expect(await deleteOwnComment({ ...ctx, userId: author.id, commentId: lonely.id })).toEqual({ ok: true, articleSlug: article.slug });
    expect(await db.comment.findUnique({ where: { id: lonely.id } })).toBeNull();
    expect(await counts(article.id)).toBe(1);
  });
});

describe("reactions and reports", () => {
  it("a like toggles, once per reader, and the count follows", async () => {
    const [author, a, b, article] = await Promise.all([createUser(db), createUser(db), createUser(db), createArticle(db)]);
    const comment = await createComment(db, { articleId: article.id, authorId: author.id });
    expect(await toggleReaction({ ...ctx, userId: a.id, commentId: comment.id })).toEqual({
      ok: true,
      liked: true,
      count: 1,
      articleSlug: article.slug,
    });
    expect(await toggleReaction({ ...ctx, userId: b.id, commentId: comment.id })).toEqual({
      ok: true,
      liked: true,
      count: 2,
      articleSlug: article.slug,
    });
    expect(await toggleReaction({ ...ctx, userId: a.id, commentId: comment.id })).toEqual({
      ok: true,
      liked: false,
      count: 1,
      articleSlug: article.slug,
    });
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).reactionCount).toBe(1);
    expect(await toggleReaction({ ...ctx, userId: author.id, commentId: comment.id })).toMatchObject({ ok: false, error: "ownComment" });
  });

  it("a report reaches the editors' queue once per reader, with a reason and, for 'other', words", async () => {
    const [author, reader, article] = await Promise.all([createUser(db), createUser(db), createArticle(db)]);
    const comment = await createComment(db, { articleId: article.id, authorId: author.id });
    expect(await reportComment({ ...ctx, userId: reader.id, commentId: comment.id, reason: "OTHER" })).toMatchObject({
      ok: false,
      error: "reportDetailsMissing",
      field: "details",
    });
    expect(await reportComment({ ...ctx, userId: reader.id, commentId: comment.id, reason: "nonsense" })).toMatchObject({
      ok: false,
      error: "reportReasonMissing",
    });
    expect(await reportComment({ ...ctx, userId: reader.id, commentId: comment.id, reason: "ABUSE" })).toEqual({
      ok: true,
      articleSlug: article.slug,
    });
    expect(await reportComment({ ...ctx, userId: reader.id, commentId: comment.id, reason: "SPAM" })).toMatchObject({
      ok: false,
      error: "alreadyReported",
    });
    expect(await db.report.findMany({ where: { commentId: comment.id } })).toMatchObject([
      { reason: "ABUSE", status: "OPEN", reporterId: reader.id },
    ]);
    expect(await reportComment({ ...ctx, userId: author.id, commentId: comment.id, reason: "SPAM" })).toMatchObject({
      ok: false,
      error: "ownComment",
    });
  });

  it("a comment under an unpublished article can be neither liked nor reported", async () => {
    const [author, reader, article] = await Promise.all([createUser(db), createUser(db), createArticle(db, { status: "DRAFT" })]);
    const comment = await createComment(db, { articleId: article.id, authorId: author.id });
    expect(await toggleReaction({ ...ctx, userId: reader.id, commentId: comment.id })).toMatchObject({ ok: false, error: "notFound" });
    expect(await reportComment({ ...ctx, userId: reader.id, commentId: comment.id, reason: "SPAM" })).toMatchObject({
      ok: false,
      error: "notFound",
    });
    expect(await db.reaction.count({ where: { commentId: comment.id } })).toBe(0);
    expect(await db.report.count({ where: { commentId: comment.id } })).toBe(0);
  });
});
