import { may } from "@/lib/accounts/permissions";
import { isPublicArticle, publicArticleWhere } from "@/lib/articles/visibility";
import { isUniqueViolation, type Db, type Prisma, type ReportReason } from "@/lib/db/client";
import { deliverNotices } from "@/lib/notices/mails";
import { consume, rateLimitStore, type RateLimitStore } from "@/lib/ratelimit";
import { fail, type CommandResult } from "@/lib/result";
import { elapsedSinceStamp } from "@/lib/rules/form-clock";
import { decideIntake, type RuleHit, type RuleSettings } from "@/lib/rules/intake";
import { authorHistory, recordIntake } from "@/lib/rules/record";
import type { SiteSettings } from "@/lib/settings/site";

import { discussionChanged } from "./changed";
import { shiftCounts } from "./counts";
import { notifyReply } from "./mails";
import { bodyProblem, discussionOpen, editMinutesLeft, normaliseBody, placeReply } from "./policy";

export interface CommandContext {
  db: Db;
  settings: Pick<
    SiteSettings,
    "commentMaxLength" | "commentMaxDepth" | "commentEditWindowMinutes" | "commentsCloseAfterDays" | "commentsPerMinute"
  > &
    RuleSettings;
  now?: Date;
  /** Where rate-limit counters live; the app's shared store by default. */
  limits?: RateLimitStore;
  /** The public address for links in mails (reply notifications, statements of reasons). */
  origin?: string;
}

/** Who may write at all: a verified account that is not banned. */
async function loadWriter(db: Db, userId: string, now: Date) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, emailVerified: true, bannedUntil: true, alwaysPremoderate: true, createdAt: true },
  });
  if (!user) return fail("signInRequired");
  if (!user.emailVerified) return fail("verifyFirst");
  if (user.bannedUntil && user.bannedUntil > now) return fail("banned");
  return { ok: true as const, user };
}

const MINUTE = 60_000;

export interface PostInput {
  articleId: string;
  parentId?: string | null;
  body: string;
  /** Chosen by the form once per submission, so that retries and double clicks post once. */
  idempotencyKey: string;
  /** From the form: the hidden bot trap and the signed time it was rendered. */
  honeypot?: string;
  formStamp?: string;
}

export type PostedComment = { id: string; status: "PENDING" | "APPROVED"; duplicate: boolean };

/** Every command on a comment says under which article it lives, for the page to go back to. */
type OnArticle = { articleSlug: string };

/** The words a banned-word rejection names, so the writer can rephrase. */
const rejection = (hits: RuleHit[]) =>
  fail("commentRejected", "body", { word: hits.find((hit) => hit.rule === "bannedWord")?.match ?? "" });

/**
 * Posts a comment or a reply. Every new comment passes `decideIntake`, which says whether it
 * appears at once or waits for an editor; a repeated submission returns the first comment.
 */
export async function postComment(
  ctx: CommandContext,
  userId: string,
  input: PostInput,
): Promise<CommandResult<{ comment: PostedComment } & OnArticle>> {
  const { db, settings } = ctx;
  const now = ctx.now ?? new Date();
  const writer = await loadWriter(db, userId, now);
  if (!writer.ok) return writer;

  const earlier = await findByKey(db, input.idempotencyKey);
  if (earlier)
    return earlier.authorId === userId
      ? { ok: true, comment: { ...earlier, duplicate: true }, articleSlug: earlier.articleSlug }
      : fail("unexpected");

  const article = await db.article.findFirst({
    where: { id: input.articleId, ...publicArticleWhere(now) },
    select: { id: true, slug: true, commentsOpen: true, publishedAt: true, premoderate: true },
  });
  if (!article) return fail("notFound");
  if (!discussionOpen(article, settings, now)) return fail("commentsClosed");

  const body = normaliseBody(input.body);
  const problem = bodyProblem(body, settings);
  if (problem) return fail(problem.error, "body", problem.values);

  let parent = null;
  if (input.parentId) {
    parent = await db.comment.findFirst({
      where: { id: input.parentId, articleId: article.id, status: "APPROVED" },
      select: { id: true, parentId: true, rootId: true, depth: true },
    });
    if (!parent) return fail("parentGone");
  }

  const limit = await consume(
    { name: "comment:account", limit: settings.commentsPerMinute, windowMs: MINUTE },
    userId,
    ctx.limits ?? rateLimitStore(),
  );
  if (!limit.allowed) return fail("commentRateLimited", undefined, { seconds: Math.max(1, Math.ceil(limit.retryAfterMs / 1000)) });

  const placement = placeReply(parent, settings.commentMaxDepth);
  const history = await authorHistory(db, writer.user, now, { settings, kind: "new" });
  const intake = decideIntake({
    body,
    settings,
    article,
    author: { ...writer.user, ...history },
    submission:
      input.formStamp === undefined && input.honeypot === undefined
        ? undefined
        : { honeypot: input.honeypot ?? "", elapsedMs: elapsedSinceStamp(input.formStamp ?? "", now) },
    kind: "new",
    now,
  });
  const visible = intake.status === "APPROVED";
  // A rejected comment keeps no idempotency key: its writer is told, may rephrase and send again.
  // Spam keeps it: its writer heard "waits for review", and a retry or double click must find that comment.
  const key = intake.status === "REJECTED" ? null : input.idempotencyKey;
  let comment: { id: string; status: "PENDING" | "APPROVED" | "REJECTED" | "SPAM"; notice: string | null };
  try {
    comment = await db.$transaction(async (tx) => {
      const created = await tx.comment.create({
        data: {
          articleId: article.id,
          authorId: userId,
          body,
          status: intake.status,
          idempotencyKey: key,
          createdAt: now,
          flags: intake.hits.length ? (intake.hits as unknown as Prisma.InputJsonValue) : undefined,
          ...placement,
        },
        select: { id: true },
      });
      if (intake.status === "APPROVED") {
        await shiftCounts(tx, { articleId: article.id, parentId: placement.parentId, replyCount: 0 }, null, "APPROVED");
        return { id: created.id, status: intake.status, notice: null };
      }
      const notice = await recordIntake(tx, { commentId: created.id, authorId: userId, status: intake.status, hits: intake.hits, now });
      return { id: created.id, status: intake.status, notice };
    });
  } catch (error) {
    // Two submissions with the same key raced each other: the other one won, and that is the comment.
    const winner = isUniqueViolation(error) ? await findByKey(db, input.idempotencyKey) : null;
    if (winner?.authorId === userId) return { ok: true, comment: { ...winner, duplicate: true }, articleSlug: winner.articleSlug };
    throw error;
  }
  if (comment.status === "REJECTED") {
    await deliverNotices(db, [comment.notice], ctx.origin);
    return rejection(intake.hits);
  }
  // Only a public comment changes what readers see (it and the counts); one waiting for review shows to its writer alone.
  if (visible) {
    await discussionChanged(db, { type: "comment", articleId: article.id, commentId: comment.id, articleSlug: article.slug });
    await notifyReply(db, comment.id, ctx.origin);
  }
  // Spam is filed quietly: a bot learns nothing, a person who was too quick hears it waits for review.
  return { ok: true, comment: { id: comment.id, status: visible ? "APPROVED" : "PENDING", duplicate: false }, articleSlug: article.slug };
}

/** The comment an earlier send of this submission made, as its writer was told of it: spam, filed quietly, waits. */
async function findByKey(db: Db, idempotencyKey: string) {
  const found = await db.comment.findUnique({
    where: { idempotencyKey },
    select: { id: true, status: true, authorId: true, article: { select: { slug: true } } },
  });
  if (!found) return null;
  const { id, authorId } = found;
  const articleSlug = found.article.slug;
  if (found.status === "PENDING" || found.status === "APPROVED") return { id, status: found.status, authorId, articleSlug };
  if (found.status === "SPAM") return { id, status: "PENDING" as const, authorId, articleSlug };
  return null;
}

/** The author's own comment, still in the thread. */
async function ownComment(db: Db, userId: string, commentId: string) {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: {
      id: true,
      authorId: true,
      articleId: true,
      parentId: true,
      status: true,
      createdAt: true,
      body: true,
      replyCount: true,
      article: { select: { slug: true } },
    },
  });
  if (!comment || comment.status === "DELETED" || comment.status === "REJECTED" || comment.status === "SPAM") return fail("notFound");
  if (comment.authorId !== userId) return fail("forbidden");
  return { ok: true as const, comment };
}

/** Authors may change their words for a while after posting (the site's edit window). */
export async function editComment(
  ctx: CommandContext,
  userId: string,
  input: { commentId: string; body: string },
): Promise<CommandResult<{ held?: boolean } & OnArticle>> {
  const { db, settings } = ctx;
  const now = ctx.now ?? new Date();
  const writer = await loadWriter(db, userId, now);
  if (!writer.ok) return writer;
  const own = await ownComment(db, userId, input.commentId);
  if (!own.ok) return own;
  if (editMinutesLeft(own.comment.createdAt, settings, now) === 0) {
    return fail("editWindowOver", undefined, { minutes: settings.commentEditWindowMinutes });
  }
  const body = normaliseBody(input.body);
  const problem = bodyProblem(body, settings);
  if (problem) return fail(problem.error, "body", problem.values);
  const articleSlug = own.comment.article.slug;
  if (body === own.comment.body) return { ok: true, articleSlug };
  const history = await authorHistory(db, writer.user, now, { settings, kind: "edit", excludeId: own.comment.id });
  const intake = decideIntake({
    body,
    settings,
    article: { premoderate: false },
    author: { ...writer.user, ...history },
    kind: "edit",
    now,
  });
  // An edit that brings in a banned word is refused and changes nothing; the writer keeps the text.
  if (intake.status === "REJECTED" || intake.status === "SPAM") return rejection(intake.hits);
  const held = intake.status === "PENDING" && own.comment.status === "APPROVED";
  await db.$transaction(async (tx) => {
    await tx.comment.update({
      where: { id: own.comment.id },
      data: {
        body,
        editedAt: now,
        ...(held ? { status: "PENDING", featured: false, flags: intake.hits as unknown as Prisma.InputJsonValue } : {}),
      },
    });
    if (held) {
      await shiftCounts(tx, own.comment, "APPROVED", "PENDING");
      await recordIntake(tx, { commentId: own.comment.id, authorId: userId, status: "PENDING", hits: intake.hits, now, edited: true });
    }
  });
  // Readers saw it only if it was public; a held edit takes it away from them.
  if (own.comment.status === "APPROVED") {
    await discussionChanged(db, { type: "update", articleId: own.comment.articleId, commentId: own.comment.id, articleSlug });
  }
  return held ? { ok: true, held: true, articleSlug } : { ok: true, articleSlug };
}

/**
 * Authors may delete their comment at any time. One that others answered stays as a
 * "[gelöscht]" placeholder, without name or words, so the answers keep their place;
 * any other is removed.
 */
export async function deleteOwnComment(ctx: CommandContext, userId: string, commentId: string): Promise<CommandResult<OnArticle>> {
  const { db } = ctx;
  const own = await ownComment(db, userId, commentId);
  if (!own.ok) return own;
  const { comment } = own;
  await db.$transaction(async (tx) => {
    const answered = (await tx.comment.count({ where: { parentId: comment.id } })) > 0;
    if (answered) {
      await tx.comment.update({
        where: { id: comment.id },
        data: { status: "DELETED", body: "", authorId: null, featured: false, editedAt: null },
      });
      if (comment.status === "APPROVED")
        await tx.article.update({ where: { id: comment.articleId }, data: { commentCount: { decrement: 1 } } });
    } else {
      await tx.comment.delete({ where: { id: comment.id } });
      await shiftCounts(tx, comment, comment.status, null);
    }
    await tx.moderationLogEntry.create({
      data: {
        actorId: userId,
        action: "comment.delete_by_author",
        targetType: "comment",
        targetId: comment.id,
        commentId: answered ? comment.id : null,
      },
    });
  });
  if (comment.status === "APPROVED") {
    await discussionChanged(db, { type: "update", articleId: comment.articleId, commentId: comment.id, articleSlug: comment.article.slug });
  }
  return { ok: true, articleSlug: comment.article.slug };
}

/** A visible comment of someone else, under an article readers can see, for reacting to or reporting. */
async function othersVisibleComment(db: Db, userId: string, commentId: string) {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: {
      id: true,
      articleId: true,
      authorId: true,
      status: true,
      article: { select: { slug: true, status: true, publishedAt: true } },
    },
  });
  // An unpublished article keeps its comments, but nobody sees them there to like or report.
  if (!comment || comment.status !== "APPROVED" || !isPublicArticle(comment.article)) return fail("notFound");
  if (comment.authorId === userId) return fail("ownComment");
  return { ok: true as const, comment };
}

/** Likes a comment, or takes the like back; one per reader and comment. */
export async function toggleReaction(
  ctx: CommandContext,
  userId: string,
  commentId: string,
): Promise<CommandResult<{ liked: boolean; count: number } & OnArticle>> {
  const { db } = ctx;
  const target = await othersVisibleComment(db, userId, commentId);
  if (!target.ok) return target;
  const result = await db.$transaction(async (tx) => {
    const removed = await tx.reaction.deleteMany({ where: { commentId, userId, kind: "like" } });
    if (removed.count === 0) await tx.reaction.createMany({ data: [{ commentId, userId, kind: "like" }], skipDuplicates: true });
    // Recounting this one comment's reactions keeps the stored count exact even under concurrent toggles.
    const count = await tx.reaction.count({ where: { commentId } });
    await tx.comment.update({ where: { id: commentId }, data: { reactionCount: count } });
    return { liked: removed.count === 0, count };
  });
  const articleSlug = target.comment.article.slug;
  await discussionChanged(db, { type: "update", articleId: target.comment.articleId, commentId, articleSlug });
  return { ok: true, ...result, articleSlug };
}

export const REPORT_REASONS = ["SPAM", "ABUSE", "ILLEGAL", "OFF_TOPIC", "OTHER"] as const satisfies readonly ReportReason[];
const REPORT_DETAILS_MAX = 500;

/**
 * Sends a comment to the editors' queue; each reader reports a comment once. Readers' pages stay
 * as they are: only the reporter sees that they reported it, on their own (uncached) page.
 */
export async function reportComment(
  ctx: CommandContext,
  userId: string,
  input: { commentId: string; reason: string; details?: string },
): Promise<CommandResult<OnArticle>> {
  const { db } = ctx;
  if (!(await db.user.findUnique({ where: { id: userId }, select: { id: true } }))) return fail("signInRequired");
  const reason = REPORT_REASONS.find((r) => r === input.reason);
  if (!reason) return fail("reportReasonMissing", "reason");
  const details = input.details?.trim() || null;
  if (reason === "OTHER" && !details) return fail("reportDetailsMissing", "details");
  if (details && details.length > REPORT_DETAILS_MAX) return fail("reportDetailsTooLong", "details", { max: REPORT_DETAILS_MAX });
  const target = await othersVisibleComment(db, userId, input.commentId);
  if (!target.ok) return target;
  const created = await db.report.createMany({
    data: [{ commentId: input.commentId, reporterId: userId, reason, details }],
    skipDuplicates: true,
  });
  if (created.count === 0) return fail("alreadyReported");
  return { ok: true, articleSlug: target.comment.article.slug };
}

/** The moderators' switch under an article: close or reopen its discussion. Existing comments stay. */
export async function setDiscussionOpen(
  db: Db,
  actor: { id: string; role: string },
  articleId: string,
  open: boolean,
): Promise<CommandResult<OnArticle>> {
  if (!may(actor, "comments.moderate")) return fail("forbidden");
  const article = await db.article.findUnique({ where: { id: articleId }, select: { slug: true, commentsOpen: true } });
  if (!article) return fail("notFound");
  if (article.commentsOpen === open) return { ok: true, articleSlug: article.slug };
  await db.$transaction([
    db.article.update({ where: { id: articleId }, data: { commentsOpen: open } }),
    db.moderationLogEntry.create({
      data: {
        actorId: actor.id,
        action: open ? "article.comments_open" : "article.comments_close",
        targetType: "article",
        targetId: articleId,
        before: { commentsOpen: !open },
        after: { commentsOpen: open },
      },
    }),
  ]);
  await discussionChanged(db, { type: "update", articleId, commentId: "", articleSlug: article.slug });
  return { ok: true, articleSlug: article.slug };
}
