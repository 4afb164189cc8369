import { isPublicArticle } from "@/lib/articles/visibility";
import type { Db } from "@/lib/db/client";
import type { RateLimitStore } from "@/lib/ratelimit";
import { fail } from "@/lib/result";
import type { RuleHit, RuleSettings } from "@/lib/rules/intake";
import type { SiteSettings } from "@/lib/settings/site";

/** What every comment command starts from: its context, and the person and comment it acts on. */
export interface CommandContext {
  /** The app's database unless a test or a transaction passes its own. */
  db?: Db;
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

/** Every command on a comment says under which article it lives, for the page to go back to. */
export type OnArticle = { articleSlug: string };

/** Who may write at all: a verified account that is not banned. */
export async function loadWriter(db: Db, userId: string, now: Date) {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, emailVerified: true, bannedUntil: true, alwaysPremoderate: true, createdAt: true },
  });
  if (!user) return fail("signInRequired");
  if (!user.emailVerified) return fail("verifyFirst");
  if (user.bannedUntil && user.bannedUntil > now) return fail("banned");
  return { ok: true as const, user };
}

/** The words a banned-word rejection names, so the writer can rephrase. */
export const rejection = (hits: RuleHit[]) =>
  fail("commentRejected", "body", { word: hits.find((hit) => hit.rule === "bannedWord")?.match ?? "" });

/** The author's own comment, still in the thread. */
export async function ownComment(db: Db, userId: string, commentId: string) {
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

/** A visible comment of someone else, under an article readers can see, for reacting to or reporting. */
export async function othersVisibleComment(db: Db, userId: string, commentId: string) {
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
