/** What open article pages are told about, through PostgreSQL NOTIFY and Server-Sent Events. */
export type LiveEvent =
  /** A comment became public (posted or approved). */
  | { type: "comment"; articleId: string; commentId: string }
  /** Something public changed: an edit, a deletion, a like, the discussion opening or closing. */
  | { type: "update"; articleId: string; commentId: string };

/**
 * The event as it travels between instances: with the cache tags its write expired, so that an
 * instance expires them before its open pages hear of the change and refresh (otherwise a refresh
 * could arrive before the separate expiry and be answered from the old copy).
 */
export type LiveMessage = LiveEvent & { expire?: string[]; from?: string };

export const LIVE_CHANNEL = "agora_live";

export function parseLiveEvent(payload: string | undefined): LiveMessage | null {
  if (!payload) return null;
  try {
    const value: unknown = JSON.parse(payload);
    if (typeof value !== "object" || value === null) return null;
    const { type, articleId, commentId, expire, from } = value as Record<string, unknown>;
    if ((type !== "comment" && type !== "update") || typeof articleId !== "string" || typeof commentId !== "string") return null;
    const tags = Array.isArray(expire) ? expire.filter((tag): tag is string => typeof tag === "string") : [];
    return { type, articleId, commentId, ...(tags.length > 0 ? { expire: tags } : {}), ...(typeof from === "string" ? { from } : {}) };
  } catch {
    return null;
  }
}
