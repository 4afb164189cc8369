import { articlesChanged } from "@/lib/cache/invalidate";
import { db as appDb, Prisma, type Db } from "@/lib/db/client";

/** Everything Agora holds about a person, as they would download it (GDPR Art. 15/20). */
export async function exportUserData({ db = appDb(), userId }: { db?: Db; userId: string }) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      emailVerified: true,
      role: true,
      locale: true,
      createdAt: true,
      updatedAt: true,
      accounts: { select: { provider: true, providerAccountId: true, createdAt: true } },
      comments: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          body: true,
          status: true,
          createdAt: true,
          editedAt: true,
          parentId: true,
          article: { select: { slug: true, title: true } },
        },
      },
      reports: {
        orderBy: { createdAt: "asc" },
        select: { id: true, reason: true, details: true, status: true, createdAt: true, commentId: true },
      },
      reactions: { orderBy: { createdAt: "asc" }, select: { kind: true, createdAt: true, commentId: true } },
    },
  });
  const { accounts, comments, reports, reactions, ...profile } = user;
  return {
    exportedAt: new Date().toISOString(),
    profile: { ...profile, linkedAccounts: accounts },
    comments: comments.map(({ article, ...comment }) => ({ ...comment, article })),
    reports,
    reactions,
  };
}

export type DeletedCommentPolicy = "anonymize" | "remove";

/**
 * Deletes an account and everything personal with it. Its published comments either stay as
 * "[deleted]" placeholders without name or text ("anonymize") or disappear ("remove"); a removed
 * comment that others replied to stays as a placeholder so their replies keep their place.
 * Comments that were never public are deleted either way.
 */
export async function deleteAccount({
  db = appDb(),
  userId,
  policy,
}: {
  db?: Db;
  userId: string;
  policy: DeletedCommentPolicy;
}): Promise<void> {
  await db.$transaction(async (tx) => {
    await retireComments(tx, { authorId: userId }, policy);
    // Decision logs keep what happened, not the words or names of a deleted person.
    await tx.moderationLogEntry.updateMany({
      where: { targetType: "user", targetId: userId },
      data: { before: Prisma.DbNull, after: Prisma.DbNull, reason: null },
    });
    // Reports stay for the moderators, without the reporter or their words; reactions go with the account.
    await tx.report.updateMany({ where: { reporterId: userId }, data: { details: null } });
    const reacted = await tx.reaction.findMany({ where: { userId }, select: { commentId: true } });
    await tx.user.delete({ where: { id: userId } });
    for (const { commentId } of reacted) {
      const reactionCount = await tx.reaction.count({ where: { commentId } });
      await tx.comment.updateMany({ where: { id: commentId }, data: { reactionCount } });
    }
  });
  // The person's name, comments and likes showed under any article.
  void articlesChanged(db);
}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * The comments of someone who leaves (an account, or a guest address), as the site setting says:
 * published ones stay as placeholders without name or words ("anonymize") or go ("remove", except
 * where others answered: their replies keep their place); comments that were never public go either
 * way. The decision log keeps what happened without their words. Returns the articles they were under.
 */
export async function retireComments(tx: Tx, where: Prisma.CommentWhereInput, policy: DeletedCommentPolicy): Promise<string[]> {
  const comments = await tx.comment.findMany({
    where,
    select: { id: true, status: true, replyCount: true, articleId: true, parentId: true, article: { select: { slug: true } } },
  });
  const keep = comments.filter((c) => c.status === "APPROVED" && (policy === "anonymize" || c.replyCount > 0));
  const keepIds = new Set(keep.map((c) => c.id));
  const drop = comments.filter((c) => !keepIds.has(c.id));

  await tx.comment.updateMany({
    where: { id: { in: [...keepIds] } },
    data: { authorId: null, guestId: null, guestName: null, body: "", status: "DELETED", featured: false, idempotencyKey: null },
  });
  // Replies of the removed comments by other people move up to the removed comment's parent.
  for (const comment of drop) {
    await tx.comment.updateMany({ where: { parentId: comment.id }, data: { parentId: comment.parentId } });
  }
  await tx.comment.deleteMany({ where: { id: { in: drop.map((c) => c.id) } } });
  await tx.moderationLogEntry.updateMany({
    where: { commentId: { in: comments.map((c) => c.id) } },
    data: { before: Prisma.DbNull, after: Prisma.DbNull, reason: null },
  });

  const articleIds = [...new Set(comments.map((c) => c.articleId))];
  const parentIds = [...new Set(comments.map((c) => c.parentId).filter((id): id is string => id !== null))];
  await recount(tx, articleIds, parentIds);
  return [...new Set(comments.map((c) => c.article.slug))];
}

/** Keeps the denormalised counters that lists show in step with the comments that remain. */
async function recount(tx: Tx, articleIds: string[], parentIds: string[]) {
  for (const id of articleIds) {
    const commentCount = await tx.comment.count({ where: { articleId: id, status: "APPROVED" } });
    await tx.article.update({ where: { id }, data: { commentCount } });
  }
  for (const id of parentIds) {
    const replyCount = await tx.comment.count({ where: { parentId: id } });
    await tx.comment.updateMany({ where: { id }, data: { replyCount } });
  }
}
