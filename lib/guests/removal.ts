import { removeByWriter } from "@/lib/comments/commands/delete";
import { db as appDb, type Db } from "@/lib/db/client";
import { fail, type CommandResult } from "@/lib/result";
import { shorten } from "@/lib/text/shorten";

import { inspectGuestToken, redeemGuestToken, type GuestTokenCheck } from "./tokens";

const GONE = ["DELETED", "REJECTED", "SPAM"] as const;

/** The guest's comment a deletion link names, while the guest may still delete it. */
async function linkedComment(db: Db, guestId: string, commentId: string | null) {
  if (!commentId) return null;
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: {
      id: true,
      guestId: true,
      articleId: true,
      parentId: true,
      replyCount: true,
      status: true,
      body: true,
      createdAt: true,
      article: { select: { slug: true, title: true } },
    },
  });
  // Once a moderator took it down, or it was deleted already, there is nothing left for the link to do.
  if (!comment || comment.guestId !== guestId || (GONE as readonly string[]).includes(comment.status)) return null;
  return comment;
}

/** What the page of a deletion link shows before its button: the comment, shortened, and where it stands. */
export async function guestCommentForLink({ db = appDb(), token, now }: Omit<GuestTokenCheck, "purpose">) {
  const link = await inspectGuestToken({ db, token, purpose: "DELETE_COMMENT", now });
  if (!link.ok) return fail(link.reason);
  const comment = await linkedComment(db, link.guestId, link.commentId);
  if (!comment) return fail("notFound");
  return {
    ok: true as const,
    comment: { excerpt: shorten(comment.body, 280, { atWord: true }), createdAt: comment.createdAt, articleTitle: comment.article.title },
  };
}

/**
 * Deletes a guest's comment through the link mailed with its confirmation, as an author deletes
 * their own (lib/comments/commands/delete.ts): the link works once, for that comment only.
 */
export async function deleteGuestComment({
  db = appDb(),
  token,
  now,
}: Omit<GuestTokenCheck, "purpose">): Promise<CommandResult<{ articleSlug: string }>> {
  const checked = await inspectGuestToken({ db, token, purpose: "DELETE_COMMENT", now });
  if (!checked.ok) return fail(checked.reason);
  const comment = await linkedComment(db, checked.guestId, checked.commentId);
  if (!comment) return fail("notFound");
  const link = await redeemGuestToken({ db, token, purpose: "DELETE_COMMENT", now });
  if (!link.ok) return fail(link.reason);
  await removeByWriter(db, comment, { actorId: null, action: "comment.delete_by_guest" });
  return { ok: true, articleSlug: comment.article.slug };
}
