/** What open article pages are told about, through PostgreSQL NOTIFY and Server-Sent Events. */
export type LiveEvent =
  /** A comment became public (posted or approved). */
  | { type: "comment"; articleId: string; commentId: string }
  /** Something public changed: an edit, a deletion, a like, the discussion opening or closing. */
  | { type: "update"; articleId: string; commentId: string };

export const LIVE_CHANNEL = "agora_live";

export function parseLiveEvent(payload: string | undefined): LiveEvent | null {
  if (!payload) return null;
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== "object" || value === null) return null;
    const { type, articleId, commentId } = value as Record<string, unknown>;
    if ((type !== "comment" && type !== "update") || typeof articleId !== "string" || typeof commentId !== "string") return null;
    return { type, articleId, commentId };
  } catch {
    return null;
  }
}
