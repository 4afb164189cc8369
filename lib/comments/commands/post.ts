import { publicArticleWhere } from "@/lib/articles/visibility";
import { db as appDb, isUniqueViolation, type Db, type Prisma } from "@/lib/db/client";
import { deliverNotices } from "@/lib/notices/mails";
import { consume, rateLimitStore } from "@/lib/ratelimit";
import { fail, type CommandResult } from "@/lib/result";
import { elapsedSinceStamp } from "@/lib/rules/form-clock";
import { decideIntake } from "@/lib/rules/intake";
import { authorHistory, recordIntake } from "@/lib/rules/record";

import { discussionChanged } from "../changed";
import { shiftCounts } from "../counts";
import { commentPublished } from "../mails";
import { bodyProblem, discussionOpen, normaliseBody, placeReply } from "../policy";
import { loadWriter, rejection, type CommandContext, type OnArticle } from "./context";

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

export type PostCommentOptions = CommandContext & { userId: string } & PostInput;

export type PostedComment = { id: string; status: "PENDING" | "APPROVED"; duplicate: boolean };

/**
 * Posts a comment or a reply. Every new comment passes `decideIntake`, which says whether it
 * appears at once or waits for an editor; a repeated submission returns the first comment.
 */
export async function postComment({
  db = appDb(),
  settings,
  now = new Date(),
  limits,
  origin,
  userId,
  ...input
}: PostCommentOptions): Promise<CommandResult<{ comment: PostedComment } & OnArticle>> {
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
    limits ?? rateLimitStore(),
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
    await deliverNotices(db, [comment.notice], origin);
    return rejection(intake.hits);
  }
  // Only a public comment changes what readers see (it and the counts); one waiting for review shows to its writer alone.
  if (visible) {
    await discussionChanged(db, { type: "comment", articleId: article.id, commentId: comment.id, articleSlug: article.slug });
    await commentPublished(db, comment.id, origin);
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
