import { db } from "@/lib/db/client";
import { buildThreads } from "./thread";

/** How many comments one article page renders at most (pagination comes with the comment section). */
const PAGE_LIMIT = 500;

/**
 * The public discussion under an article: approved comments, plus the placeholders
 * ("[gelöscht]") that deleted accounts leave, so threads keep their shape.
 */
export async function getPublicThreads(articleId: string) {
  const comments = await db().comment.findMany({
    where: {
      articleId,
      status: { in: ["APPROVED", "DELETED"] },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: PAGE_LIMIT,
    select: {
      id: true,
      parentId: true,
      body: true,
      status: true,
      featured: true,
      editedAt: true,
      createdAt: true,
      guestName: true,
      reactionCount: true,
      author: { select: { name: true, role: true } },
    },
  });
  return buildThreads(comments);
}

export type PublicComment = Awaited<ReturnType<typeof getPublicThreads>>[number];
