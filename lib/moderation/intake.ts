import type { CommentStatus } from "@/lib/db/client";

export interface IntakeInput {
  article: { premoderate: boolean };
  author: { role: string; alwaysPremoderate: boolean };
  body: string;
}

export interface IntakeDecision {
  status: Extract<CommentStatus, "PENDING" | "APPROVED">;
  /** Why a comment was held, for the moderation log; null when it went straight out. */
  reason: string | null;
}

/**
 * The one place that decides whether a new comment appears at once or waits for an editor.
 * Post-moderation is the default: comments appear at once unless the article or the author
 * is set to pre-moderation. Editors' and admins' own comments are never held.
 */
export function decideIntake(input: IntakeInput): IntakeDecision {
  if (input.author.role === "EDITOR" || input.author.role === "ADMIN") return { status: "APPROVED", reason: null };
  if (input.article.premoderate) return { status: "PENDING", reason: "article.premoderate" };
  if (input.author.alwaysPremoderate) return { status: "PENDING", reason: "user.premoderate" };
  return { status: "APPROVED", reason: null };
}
