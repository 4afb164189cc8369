import { discussionChanged } from "@/lib/cache/invalidate";
import { shiftCounts } from "@/lib/comments/counts";
import { normaliseBody } from "@/lib/comments/policy";
import type { CommentStatus, Db, Prisma, Role } from "@/lib/db/client";
import type { FormsKey } from "@/lib/i18n/keys";
import { publishLiveEvent } from "@/lib/live/notify";
import { fail, type CommandResult } from "@/lib/result";

import { deliverNotices, notifyReply } from "./mails";
import { createNotice, isAppealable } from "./notices";
import { canModerate, MODERATION_REASONS, PERMANENT_BAN, type ModerationReason } from "./policy";

export interface ModerationContext {
  db: Db;
  now?: Date;
  /** The public address for links in mails. */
  origin?: string;
}

export type Actor = { id: string; role: Role };

export const DECISIONS = ["approve", "reject", "spam"] as const;
export type Decision = (typeof DECISIONS)[number];

const TARGET: Record<Decision, CommentStatus> = { approve: "APPROVED", reject: "REJECTED", spam: "SPAM" };
const NOTE_MAX = 1000;

const parseReason = (value: unknown): ModerationReason | undefined => MODERATION_REASONS.find((reason) => reason === value);

/**
 * An editor's decision on one comment: approve (also: keep a reported comment), reject with a
 * reason, or file as spam. Resolves the comment's open reports, writes one audit entry, tells
 * the author why (rejection) and anyone who reported it as illegal what became of it, and
 * updates open article pages and readers' cached copies at once.
 */
export async function decideComment(
  ctx: ModerationContext,
  actor: Actor,
  input: { commentId: string; decision: Decision; reason?: string; note?: string },
): Promise<CommandResult<{ status: CommentStatus }>> {
  const { result, shownUnder } = await decide(ctx, actor, input);
  void discussionChanged(ctx.db, shownUnder);
  return result;
}

type DecisionInput = { commentId: string; decision: Decision; reason?: string; note?: string };

/** One decision, without expiring: `shownUnder` names the article whose readers' pages it changed, if any. */
async function decide(
  ctx: ModerationContext,
  actor: Actor,
  input: DecisionInput,
): Promise<{ result: CommandResult<{ status: CommentStatus }>; shownUnder?: string }> {
  const refuse = (error: FormsKey, field?: string, values?: Record<string, string | number>) => ({ result: fail(error, field, values) });
  if (!canModerate(actor)) return refuse("forbidden");
  const { db } = ctx;
  const now = ctx.now ?? new Date();
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

  if (comment.status === "APPROVED" || target === "APPROVED") {
    await publishLiveEvent(
      db,
      {
        type: target === "APPROVED" && comment.status !== "APPROVED" ? "comment" : "update",
        articleId: comment.articleId,
        commentId: comment.id,
      },
      shownUnder,
    );
  }
  await deliverNotices(db, noticeIds, ctx.origin);
  if (target === "APPROVED" && comment.status !== "APPROVED") await notifyReply(db, comment.id, ctx.origin);
  return { result: { ok: true, status: target }, shownUnder };
}

/**
 * The same decision on a selection; each comment gets its own audit entry. Readers' copies of
 * the articles whose discussions changed expire once, at the end (also when one decision fails).
 */
export async function decideComments(
  ctx: ModerationContext,
  actor: Actor,
  input: { commentIds: string[]; decision: Decision; reason?: string; note?: string },
): Promise<CommandResult<{ done: number; failed: number }>> {
  if (!canModerate(actor)) return fail("forbidden");
  const ids = [...new Set(input.commentIds)].slice(0, 200);
  if (ids.length === 0) return fail("nothingSelected");
  let done = 0;
  let failed = 0;
  const changed = new Set<string>();
  try {
    for (const commentId of ids) {
      const { result, shownUnder } = await decide(ctx, actor, { ...input, commentId });
      if (shownUnder) changed.add(shownUnder);
      if (result.ok) done++;
      else if (result.field)
        return result; // a missing reason is the same for every comment
      else failed++;
    }
  } finally {
    void discussionChanged(ctx.db, ...changed);
  }
  return { ok: true, done, failed };
}

/** Pins an approved comment at the top of its discussion with an "Empfohlen" badge, or unpins it. */
export async function featureComment(ctx: ModerationContext, actor: Actor, commentId: string, featured: boolean): Promise<CommandResult> {
  if (!canModerate(actor)) return fail("forbidden");
  const { db } = ctx;
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
        createdAt: ctx.now,
      },
    }),
  ]);
  void discussionChanged(db, comment.article.slug);
  await publishLiveEvent(db, { type: "update", articleId: comment.articleId, commentId }, comment.article.slug);
  return { ok: true };
}

/** An editor corrects a comment (for example removes a phone number); the original stays in the audit trail. */
export async function editCommentAsModerator(
  ctx: ModerationContext,
  actor: Actor,
  input: { commentId: string; body: string },
  maxLength: number,
): Promise<CommandResult> {
  if (!canModerate(actor)) return fail("forbidden");
  const { db } = ctx;
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
    db.comment.update({ where: { id: comment.id }, data: { body, editedAt: ctx.now ?? new Date() } }),
    db.moderationLogEntry.create({
      data: {
        actorId: actor.id,
        action: "comment.edit",
        targetType: "comment",
        targetId: comment.id,
        commentId: comment.id,
        before: { body: comment.body },
        after: { body },
        createdAt: ctx.now,
      },
    }),
  ]);
  // Readers see only approved comments; a pending one's correction reaches them when it is approved.
  if (comment.status === "APPROVED") {
    void discussionChanged(db, comment.article.slug);
    await publishLiveEvent(db, { type: "update", articleId: comment.articleId, commentId: comment.id }, comment.article.slug);
  }
  return { ok: true };
}

const DAY = 86_400_000;
export const SUSPENSION_DAYS = [1, 3, 7, 30, 90] as const;

/**
 * Suspends a reader for some days, or bans them (days: null) until an editor lifts it. The
 * person gets a statement of reasons. Editors may restrict readers; only admins may restrict
 * editors; nobody restricts an admin or themselves. Readers' pages stay as they are (the
 * person's comments stay; only they see the ban), so nothing expires; the same for lifting it.
 */
export async function restrictUser(
  ctx: ModerationContext,
  actor: Actor,
  input: { userId: string; days: number | null; reason?: string; note?: string },
): Promise<CommandResult<{ until: Date }>> {
  if (!canModerate(actor)) return fail("forbidden");
  const { db } = ctx;
  const now = ctx.now ?? new Date();
  const reason = parseReason(input.reason);
  if (!reason) return fail("reasonMissing", "reason");
  const note = input.note?.trim() || undefined;
  if (reason === "other" && !note) return fail("noteMissing", "note");
  if (note && note.length > NOTE_MAX) return fail("noteTooLong", "note", { max: NOTE_MAX });
  if (input.days !== null && !SUSPENSION_DAYS.includes(input.days as (typeof SUSPENSION_DAYS)[number])) return fail("unexpected");
  const target = await db.user.findUnique({
    where: { id: input.userId },
    select: { id: true, role: true, bannedUntil: true, banReason: true },
  });
  if (!target) return fail("notFound");
  if (target.id === actor.id || target.role === "ADMIN" || (target.role === "EDITOR" && actor.role !== "ADMIN"))
    return fail("cannotRestrict");
  const until = input.days === null ? PERMANENT_BAN : new Date(now.getTime() + input.days * DAY);
  const banReason = note ? `${reason}: ${note}` : reason;
  const noticeId = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: target.id }, data: { bannedUntil: until, banReason } });
    await tx.moderationLogEntry.create({
      data: {
        actorId: actor.id,
        action: input.days === null ? "user.ban" : "user.suspend",
        targetType: "user",
        targetId: target.id,
        reason: banReason,
        before: { bannedUntil: target.bannedUntil?.toISOString() ?? null, banReason: target.banReason },
        after: { bannedUntil: until.toISOString(), banReason },
        createdAt: now,
      },
    });
    return createNotice(tx, {
      userId: target.id,
      kind: input.days === null ? "user.banned" : "user.suspended",
      data: { reason, note, until: input.days === null ? undefined : until.toISOString() },
    });
  });
  await deliverNotices(db, [noticeId], ctx.origin);
  return { ok: true, until };
}

export async function liftRestriction(ctx: ModerationContext, actor: Actor, userId: string): Promise<CommandResult> {
  if (!canModerate(actor)) return fail("forbidden");
  const { db } = ctx;
  const target = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, bannedUntil: true, banReason: true } });
  if (!target) return fail("notFound");
  if (target.role === "EDITOR" && actor.role !== "ADMIN") return fail("cannotRestrict");
  if (!target.bannedUntil) return { ok: true };
  const noticeId = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { bannedUntil: null, banReason: null } });
    await tx.moderationLogEntry.create({
      data: {
        actorId: actor.id,
        action: "user.unban",
        targetType: "user",
        targetId: userId,
        before: { bannedUntil: target.bannedUntil!.toISOString(), banReason: target.banReason },
        after: { bannedUntil: null, banReason: null },
        createdAt: ctx.now,
      },
    });
    return createNotice(tx, { userId, kind: "user.unbanned", data: {} });
  });
  await deliverNotices(db, [noticeId], ctx.origin);
  return { ok: true };
}

/** "Always pre-moderate this user": their comments wait for an editor whatever the site's mode (from now on: no page changes). */
export async function setAlwaysPremoderate(ctx: ModerationContext, actor: Actor, userId: string, on: boolean): Promise<CommandResult> {
  if (!canModerate(actor)) return fail("forbidden");
  const { db } = ctx;
  const target = await db.user.findUnique({ where: { id: userId }, select: { alwaysPremoderate: true } });
  if (!target) return fail("notFound");
  if (target.alwaysPremoderate === on) return { ok: true };
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { alwaysPremoderate: on } }),
    db.moderationLogEntry.create({
      data: {
        actorId: actor.id,
        action: on ? "user.premoderate_on" : "user.premoderate_off",
        targetType: "user",
        targetId: userId,
        before: { alwaysPremoderate: !on },
        after: { alwaysPremoderate: on },
        createdAt: ctx.now,
      },
    }),
  ]);
  return { ok: true };
}

const APPEAL_MAX = 2000;

/**
 * A person contests a decision about them (DSA art. 20): a rejected comment goes back to the
 * pending queue with their words beside it; a suspension's appeal is listed for the editors.
 * One appeal per notice.
 */
export async function appealNotice(
  ctx: ModerationContext,
  userId: string,
  input: { noticeId: string; text: string },
): Promise<CommandResult> {
  const { db } = ctx;
  const now = ctx.now ?? new Date();
  const text = input.text.trim();
  if (!text) return fail("appealEmpty", "text");
  if (text.length > APPEAL_MAX) return fail("appealTooLong", "text", { max: APPEAL_MAX });
  const notice = await db.notice.findUnique({
    where: { id: input.noticeId },
    select: { id: true, userId: true, kind: true, commentId: true, appealedAt: true },
  });
  if (!notice || notice.userId !== userId) return fail("notFound");
  if (notice.appealedAt) return fail("alreadyAppealed");
  if (!isAppealable(notice.kind)) return fail("notAppealable");
  await db.$transaction(async (tx) => {
    await tx.notice.update({ where: { id: notice.id }, data: { appeal: text, appealedAt: now } });
    if (notice.kind === "comment.rejected" && notice.commentId) {
      const comment = await tx.comment.findUnique({ where: { id: notice.commentId }, select: { status: true, flags: true } });
      if (comment?.status === "REJECTED") {
        const flags = [{ rule: "appeal", match: text }, ...(Array.isArray(comment.flags) ? comment.flags : [])];
        await tx.comment.update({ where: { id: notice.commentId }, data: { status: "PENDING", flags: flags as Prisma.InputJsonValue } });
      }
    }
    await tx.moderationLogEntry.create({
      data: {
        actorId: userId,
        action: notice.kind === "comment.rejected" ? "comment.appeal" : "user.appeal",
        targetType: notice.kind === "comment.rejected" ? "comment" : "user",
        targetId: notice.kind === "comment.rejected" ? (notice.commentId ?? notice.id) : userId,
        commentId: notice.commentId,
        reason: text,
        createdAt: now,
      },
    });
  });
  return { ok: true };
}
