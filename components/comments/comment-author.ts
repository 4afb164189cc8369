/**
 * What a reader sees instead of a comment that only holds its place for others' answers:
 * deleted by its author, removed by the moderators, or (after an edit) being checked again.
 */
export function placeholderOf(
  comment: { status: string; authorId: string | null },
  viewerId: string | undefined,
): "deleted" | "removed" | "underReview" | null {
  if (comment.status === "DELETED") return "deleted";
  if (comment.status === "REJECTED" || comment.status === "SPAM") return "removed";
  if (comment.status === "PENDING" && comment.authorId !== viewerId) return "underReview";
  return null;
}

export function authorName(
  comment: { status: string; authorId: string | null; author: { name: string | null } | null; guestName: string | null },
  fallback: string,
  viewerId?: string,
) {
  if (placeholderOf(comment, viewerId)) return fallback;
  return comment.author?.name ?? comment.guestName ?? fallback;
}
