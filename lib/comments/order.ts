import type { Prisma } from "@/lib/db/client";

/** The orders a reader can choose for a discussion, and where a thread stands in each. */
export const COMMENT_SORTS = ["oldest", "newest", "top"] as const;
export type CommentSort = (typeof COMMENT_SORTS)[number];

export function parseSort(value: unknown): CommentSort {
  return COMMENT_SORTS.find((sort) => sort === value) ?? "oldest";
}

// Comments the editors feature ("Empfohlen") lead the discussion in every order.
export const ORDER: Record<CommentSort, Prisma.CommentOrderByWithRelationInput[]> = {
  oldest: [{ featured: "desc" }, { createdAt: "asc" }, { id: "asc" }],
  newest: [{ featured: "desc" }, { createdAt: "desc" }, { id: "desc" }],
  top: [{ featured: "desc" }, { reactionCount: "desc" }, { createdAt: "asc" }, { id: "asc" }],
};

/** Top-level comments that come before `root` in the given order. */
export function before(
  sort: CommentSort,
  root: { id: string; createdAt: Date; reactionCount: number; featured: boolean },
): Prisma.CommentWhereInput {
  const sameTime = { createdAt: root.createdAt, id: sort === "newest" ? { gt: root.id } : { lt: root.id } };
  const earlier = { OR: [{ createdAt: { lt: root.createdAt } }, sameTime] };
  const inOrder: Prisma.CommentWhereInput =
    sort === "newest"
      ? { OR: [{ createdAt: { gt: root.createdAt } }, sameTime] }
      : sort === "oldest"
        ? earlier
        : { OR: [{ reactionCount: { gt: root.reactionCount } }, { reactionCount: root.reactionCount, ...earlier }] };
  return root.featured ? { featured: true, AND: [inOrder] } : { OR: [{ featured: true }, { featured: false, AND: [inOrder] }] };
}
