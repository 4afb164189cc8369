import { beforeAll, describe, expect, it } from "vitest";

import type { Db } from "@/lib/db/client";
import { deleteGuestComment, guestCommentForLink } from "@/lib/guests/removal";
import { issueGuestToken } from "@/lib/guests/tokens";

import { freshDatabase } from "../helpers/db";
import { createArticle, createComment, createGuest, createUser } from "../helpers/factories";

let db: Db;
beforeAll(async () => {
  ({ db } = await freshDatabase());
});

async function guestComment(body = "Ein Gastbeitrag.") {
  const [guest, article] = await Promise.all([createGuest(db), createArticle(db, { title: "Die Brücke" })]);
  const comment = await createComment(db, { articleId: article.id, authorId: null, guestId: guest.id, guestName: "Gerda", body });
  const token = await issueGuestToken({ db, guestId: guest.id, purpose: "DELETE_COMMENT", subject: { commentId: comment.id } });
  return { guest, article, comment, token };
}

describe("deleting one's guest comment by the mailed link", () => {
  it("the page shows the comment shortened, under its article", async () => {
    const { token } = await guestComment(`${"Wort ".repeat(100)}Ende`);
    const shown = await guestCommentForLink({ db, token });
    expect(shown).toMatchObject({ ok: true, comment: { articleTitle: "Die Brücke" } });
    if (shown.ok) expect(shown.comment.excerpt.length).toBeLessThanOrEqual(280);
    if (shown.ok) expect(shown.comment.excerpt).toMatch(/ …$/);
  });

  it("an unanswered comment is gone and no longer counts; the link works only once", async () => {
    const { article, comment, token } = await guestComment();
    expect(await deleteGuestComment({ db, token })).toEqual({ ok: true, articleSlug: article.slug });
    expect(await db.comment.findUnique({ where: { id: comment.id } })).toBeNull();
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).commentCount).toBe(0);
    expect(await guestCommentForLink({ db, token })).toMatchObject({ ok: false, error: "used" });
    expect(await deleteGuestComment({ db, token })).toMatchObject({ ok: false, error: "used" });
  });

  it("a comment others answered stays as a placeholder without the guest's name or words", async () => {
    const { article, comment, token } = await guestComment();
    const reader = await createUser(db);
    const reply = await createComment(db, { articleId: article.id, authorId: reader.id, parentId: comment.id });
    expect((await deleteGuestComment({ db, token })).ok).toBe(true);
    expect(await db.comment.findUnique({ where: { id: comment.id } })).toMatchObject({
      status: "DELETED",
      body: "",
      guestId: null,
      guestName: null,
    });
    expect(await db.comment.findUnique({ where: { id: reply.id } })).toMatchObject({ parentId: comment.id });
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).commentCount).toBe(1);
    expect(await db.moderationLogEntry.findFirst({ where: { targetId: comment.id } })).toMatchObject({
      action: "comment.delete_by_guest",
      actorId: null,
    });
  });

  it("the link lasts a year, not longer", async () => {
    const { guest, comment } = await guestComment();
    const almostAYear = new Date(Date.now() - 364 * 86_400_000);
    const old = await issueGuestToken({
      db,
      guestId: guest.id,
      purpose: "DELETE_COMMENT",
      subject: { commentId: comment.id },
      now: almostAYear,
    });
    expect((await guestCommentForLink({ db, token: old })).ok).toBe(true);
    const tooOld = await issueGuestToken({
      db,
      guestId: guest.id,
      purpose: "DELETE_COMMENT",
      subject: { commentId: comment.id },
      now: new Date(Date.now() - 366 * 86_400_000),
    });
    expect(await deleteGuestComment({ db, token: tooOld })).toMatchObject({ ok: false, error: "expired" });
    expect(await db.comment.count({ where: { id: comment.id } })).toBe(1);
  });

  it("a comment moderators took down cannot be deleted by the link, which stays unused; a made-up or other link is invalid", async () => {
    const { guest, comment, token } = await guestComment();
    await db.comment.update({ where: { id: comment.id }, data: { status: "REJECTED" } });
    expect(await deleteGuestComment({ db, token })).toMatchObject({ ok: false, error: "notFound" });
    expect(await db.comment.findUnique({ where: { id: comment.id } })).toMatchObject({ status: "REJECTED" });
    expect(await deleteGuestComment({ db, token: "y".repeat(43) })).toMatchObject({ ok: false, error: "invalid" });
    const dataLink = await issueGuestToken({ db, guestId: guest.id, purpose: "DELETE_DATA" });
    expect(await deleteGuestComment({ db, token: dataLink })).toMatchObject({ ok: false, error: "invalid" });
  });
});
