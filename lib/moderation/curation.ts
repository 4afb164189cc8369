import { may } from "@/lib/accounts/permissions";
import { discussionChanged } from "@/lib/comments/changed";
import { normaliseBody } from "@/lib/comments/policy";
import { db as appDb } from "@/lib/db/client";
import { fail, type CommandResult } from "@/lib/result";

import { type Actor, type ModerationContext } from "./context";

/** Editors' hand on a public comment that stays: featuring it, correcting it. */

export type FeatureCommentOptions = ModerationContext & { actor: Actor; commentId: string; featured: boolean };

/** Pins an approved comment at the top of its discussion with an "Empfohlen" badge, or unpins it. */
export async function featureComment({ db = appDb(), now, actor, commentId, featured }: FeatureCommentOptions): Promise<CommandResult> {
  if (!may(actor, "comments.moderate")) return fail("forbidden");
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: { id: true, status: true, featured: true, articleId: true, article: { select: { slug: true } } },
  });
  if (!comment) return fail("notFound");
  if (featured && comment.status !== "APPROVED") return fail("featureApprovedOnly");
  if (comment.featured === featured) return { ok: true };
  await db.$transaction([
    db.comment.update({ where: { id: commentId }, data: { featured } }),
    db.moderationLogEntry.create({
      data: {
        actorId: actor.id,
        action: featured ? "comment.feature" : "comment.unfeature",
        targetType: "comment",
        targetId: commentId,
        commentId,
        before: { featured: !featured },
        after: { featured },
        createdAt: now,
      },
    }),
  ]);
  await discussionChanged(db, { type: "update", articleId: comment.articleId, commentId, articleSlug: comment.article.slug });
  return { ok: true };
}

export type EditCommentAsModeratorOptions = ModerationContext & { actor: Actor; commentId: string; body: string; maxLength: number };

/** An editor corrects a comment (for example removes a phone number); the original stays in the audit trail. */
export async function editCommentAsModerator({
  db = appDb(),
  now,
  actor,
  maxLength,
  ...input
}: EditCommentAsModeratorOptions): Promise<CommandResult> {
  if (!may(actor, "comments.moderate")) return fail("forbidden");
  const body = normaliseBody(input.body);
  if (!body) return fail("commentEmpty", "body");
  if (body.length > maxLength) return fail("commentTooLong", "body", { max: maxLength });
  const comment = await db.comment.findUnique({
    where: { id: input.commentId },
    select: { id: true, body: true, status: true, articleId: true, article: { select: { slug: true } } },
  });
  if (!comment || comment.status === "DELETED") return fail("notFound");
  if (comment.body === body) return { ok: true };
  await db.$transaction([
    db.comment.update({ where: { id: comment.id }, data: { body, editedAt: now ?? new Date() } }),
    db.moderationLogEntry.create({
      data: {
        actorId: actor.id,
        action: "comment.edit",
        targetType: "comment",
        targetId: comment.id,
        commentId: comment.id,
        before: { body: comment.body },
        after: { body },
        createdAt: now,
      },
    }),
  ]);
  // Readers see only approved comments; a pending one's correction reaches them when it is approved.
  if (comment.status === "APPROVED") {
    await discussionChanged(db, { type: "update", articleId: comment.articleId, commentId: comment.id, articleSlug: comment.article.slug });
  }
  return { ok: true };
}
