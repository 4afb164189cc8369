import { may } from "@/lib/accounts/permissions";
import type { Db, Prisma } from "@/lib/db/client";
import { createNotice } from "@/lib/notices/commands";

import type { IntakeStatus, RuleHit, RuleSettings } from "./intake";

type Tx = Prisma.TransactionClient;

const DAY = 86_400_000;

/**
 * What the rules need to know about a writer's earlier comments, and only that: posting is a
 * hot path, so a fact no active rule reads is not queried (the newsroom passes without rules at all).
 */
export async function authorHistory(
  db: Db,
  author: { id: string; role: string },
  now: Date,
  rules: { settings: Pick<RuleSettings, "moderationMode" | "minSecondsBetweenComments">; kind: "new" | "edit"; excludeId?: string },
) {
  if (may(author, "comments.speakForNewsroom")) return { approvedComments: 0, previousCommentAt: null, recentBodies: [] };
  const others: Prisma.CommentWhereInput = { authorId: author.id, ...(rules.excludeId ? { id: { not: rules.excludeId } } : {}) };
  const isNew = rules.kind === "new";
  const [approvedComments, previous, recent] = await Promise.all([
    isNew && rules.settings.moderationMode === "first" ? db.comment.count({ where: { ...others, status: "APPROVED" } }) : 0,
    isNew && rules.settings.minSecondsBetweenComments > 0
      ? db.comment.findFirst({ where: others, orderBy: { createdAt: "desc" }, select: { createdAt: true } })
      : null,
    db.comment.findMany({
      where: { ...others, createdAt: { gte: new Date(now.getTime() - DAY) } },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { body: true },
    }),
  ]);
  return { approvedComments, previousCommentAt: previous?.createdAt ?? null, recentBodies: recent.map((c) => c.body) };
}

const AUTO_ACTION: Record<Exclude<IntakeStatus, "APPROVED">, string> = {
  PENDING: "comment.auto_hold",
  REJECTED: "comment.auto_reject",
  SPAM: "comment.auto_spam",
};

/**
 * Writes down an automatic decision: one audit entry naming the rule that fired (and all
 * others), and for a rejection the author's statement of reasons.
 */
export async function recordIntake(
  tx: Tx,
  entry: { commentId: string; authorId: string; status: Exclude<IntakeStatus, "APPROVED">; hits: RuleHit[]; now: Date; edited?: boolean },
): Promise<string | null> {
  const strongest = entry.status === "REJECTED" ? entry.hits.find((hit) => hit.rule === "bannedWord") : entry.hits[0];
  await tx.moderationLogEntry.create({
    data: {
      action: AUTO_ACTION[entry.status],
      targetType: "comment",
      targetId: entry.commentId,
      commentId: entry.commentId,
      reason: strongest?.rule ?? null,
      after: { status: entry.status, hits: entry.hits, ...(entry.edited ? { edited: true } : {}) } as unknown as Prisma.InputJsonValue,
      createdAt: entry.now,
    },
  });
  if (entry.status !== "REJECTED") return null;
  return createNotice(tx, {
    userId: entry.authorId,
    kind: "comment.rejected",
    commentId: entry.commentId,
    data: { rule: strongest?.rule, match: strongest?.match },
  });
}
