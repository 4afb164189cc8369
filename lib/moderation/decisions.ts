import { may } from "@/lib/accounts/permissions";
import { discussionChanged, type DiscussionChange } from "@/lib/comments/changed";
import { shiftCounts } from "@/lib/comments/counts";
import { commentPublished } from "@/lib/comments/mails";
import { db as appDb, type CommentStatus } from "@/lib/db/client";
import type { FormsKey } from "@/lib/i18n/keys";
import { createNotice } from "@/lib/notices/commands";
import { deliverNotices } from "@/lib/notices/mails";
import { fail, type CommandResult } from "@/lib/result";

import { NOTE_MAX, parseReason, type Actor, type ModerationContext } from "./context";

export const DECISIONS = ["approve", "reject", "spam"] as const;
export type Decision = (typeof DECISIONS)[number];

const TARGET: Record<Decision, CommentStatus> = { approve: "APPROVED", reject: "REJECTED", spam: "SPAM" };

type DecisionInput = { commentId: string; decision: Decision; reason?: string; note?: string };

export type DecideCommentOptions = ModerationContext & { actor: Actor } & DecisionInput;

/**
 * An editor's decision on one comment: approve (also: keep a reported comment), reject with a
 * reason, or file as spam. Resolves the comment's open reports, writes one audit entry, tells
 * the author why (rejection) and anyone who reported it as illegal what became of it, and
 * updates open article pages and readers' cached copies at once.
 */
export async function decideComment({ db = appDb(), ...options }: DecideCommentOptions): Promise<CommandResult<{ status: CommentStatus }>> {
  const { result, change, tell } = await decide({ db, ...options });
  if (change) await discussionChanged(db, change);
  await tell?.();
  return result;
}

/**
 * One decision, without its side effects: `change` is what open pages and readers' copies must hear
 * of (if anything), `tell` mails the people it concerns; the caller runs them once the decision stands.
 */
async function decide({ db = appDb(), now = new Date(), origin, actor, ...input }: DecideCommentOptions): Promise<{
  result: CommandResult<{ status: CommentStatus }>;
  change?: DiscussionChange;
  tell?: () => Promise<void>;
}> {
  const refuse = (error: FormsKey, field?: string, values?: Record<string, string | number>) => ({ result: fail(error, field, values) });
  if (!may(actor, "comments.moderate")) return refuse("forbidden");
  const target = TARGET[input.decision];
  if (!target) return refuse("unexpected");
  const reason = parseReason(input.reason);
  const note = input.note?.trim() || undefined;
  if (note && note.length > NOTE_MAX) return refuse("noteTooLong", "note", { max: NOTE_MAX });
  if (input.decision === "reject" && !reason) return refuse("reasonMissing", "reason");
  if (reason === "other" && !note) return refuse("noteMissing", "note");

  const comment = await db.comment.findUnique({
    where: { id: input.commentId },
    select: {
      id: true,
      status: true,
      articleId: true,
      parentId: true,
      replyCount: true,
      authorId: true,
      featured: true,
      article: { select: { slug: true } },
    },
  });
  if (!comment || comment.status === "DELETED") return refuse("notFound");

  const noticeIds = await db.$transaction(async (tx) => {
    const openReports = await tx.report.findMany({
      where: { commentId: comment.id, status: "OPEN" },
      select: { reporterId: true, reason: true },
    });
    if (comment.status === target && openReports.length === 0) return null;
    await tx.comment.update({
      where: { id: comment.id },
      data: { status: target, moderatedAt: now, ...(target !== "APPROVED" ? { featured: false } : {}) },
    });
    await shiftCounts(tx, comment, comment.status, target);
    await tx.report.updateMany({
      where: { commentId: comment.id, status: "OPEN" },
      data: { status: target === "APPROVED" ? "DISMISSED" : "RESOLVED", resolvedAt: now },
    });
    await tx.moderationLogEntry.create({
      data: {
        actorId: actor.id,
        action: `comment.${input.decision}`,
        targetType: "comment",
        targetId: comment.id,
        commentId: comment.id,
        reason: reason ? (note ? `${reason}: ${note}` : reason) : (note ?? null),
        before: { status: comment.status, openReports: openReports.length },
        after: { status: target },
        createdAt: now,
      },
    });
    const notices: string[] = [];
    if (target === "REJECTED" && comment.authorId && comment.status !== "REJECTED") {
      notices.push(
        await createNotice(tx, { userId: comment.authorId, kind: "comment.rejected", commentId: comment.id, data: { reason, note } }),
      );
    }
    // Whoever reported it as illegal hears the outcome (DSA art. 16(5)).
    const illegalReporters = new Set(openReports.filter((r) => r.reason === "ILLEGAL" && r.reporterId).map((r) => r.reporterId!));
    for (const reporterId of illegalReporters) {
      notices.push(
        await createNotice(tx, {
          userId: reporterId,
          kind: "report.outcome",
          commentId: comment.id,
          data: {
            outcome: target === "APPROVED" ? "kept" : "removed",
            reason: target === "APPROVED" ? undefined : reason,
            reportReason: "ILLEGAL",
          },
        }),
      );
    }
    return notices;
  });
  if (noticeIds === null) return { result: { ok: true, status: comment.status } };
  // Readers see approved comments only: keeping a reported one, or rejecting a pending one, changes no page.
  const shownUnder =
    comment.status !== target && (comment.status === "APPROVED" || target === "APPROVED") ? comment.article.slug : undefined;
  const published = target === "APPROVED" && comment.status !== "APPROVED";
  const change: DiscussionChange | undefined =
    comment.status === "APPROVED" || target === "APPROVED"
      ? { type: published ? "comment" : "update", articleId: comment.articleId, commentId: comment.id, articleSlug: shownUnder }
      : undefined;
  const tell = async () => {
    await deliverNotices(db, noticeIds, origin);
    if (published) await commentPublished(db, comment.id, origin);
  };
  return { result: { ok: true, status: target }, change, tell };
}

export type DecideCommentsOptions = ModerationContext & { actor: Actor; commentIds: string[] } & Omit<DecisionInput, "commentId">;

/**
 * The same decision on a selection; each comment gets its own audit entry. Readers' copies of
 * the articles whose discussions changed expire once, and open pages hear of the changes, at the
 * end (also when one decision fails).
 */
export async function decideComments({
  db = appDb(),
  actor,
  commentIds,
  ...rest
}: DecideCommentsOptions): Promise<CommandResult<{ done: number; failed: number }>> {
  if (!may(actor, "comments.moderate")) return fail("forbidden");
  const ids = [...new Set(commentIds)].slice(0, 200);
  if (ids.length === 0) return fail("nothingSelected");
  let done = 0;
  let failed = 0;
  const changes: DiscussionChange[] = [];
  try {
    for (const commentId of ids) {
      const { result, change, tell } = await decide({ db, actor, ...rest, commentId });
      if (change) changes.push(change);
      await tell?.();
      if (result.ok) done++;
      else if (result.field)
        return result; // a missing reason is the same for every comment
      else failed++;
    }
  } finally {
    await discussionChanged(db, ...changes);
  }
  return { ok: true, done, failed };
}
