import { articlePath } from "@/lib/articles/paths";

/** The cookie that remembers how a reader sorts comments. */
export const COMMENT_SORT_COOKIE = "agora_comment_sort";

/** Query parameters of the article page that steer the comment section (all work without JavaScript). */
export const COMMENT_PARAMS = {
  /** A comment to show, with its thread opened: permalinks carry it. */
  focus: "kommentar",
  /** How many top-level comments to show ("load more"). */
  count: "anzahl",
  /** How many top-level comments to skip: a window further down, where a permalink led. */
  from: "ab",
  /** A thread whose replies are all shown. */
  thread: "thread",
  /** The comment whose reply form is open. */
  reply: "antworten",
  /** The own comment whose edit form is open. */
  edit: "bearbeiten",
  /** The comment whose report form is open. */
  report: "melden",
} as const;

export const commentAnchor = (commentId: string) => `comment-${commentId}`;

/** A link that opens the article with the comment's thread loaded, scrolled to the comment. */
export function commentPermalink(
  slug: string,
  commentId: string,
  extra: Partial<Record<keyof typeof COMMENT_PARAMS, string>> = {},
): string {
  return `${articlePath(slug)}${commentPermalinkOnPage(commentId, extra)}`;
}

/** The permalink relative to the article page itself (query and anchor), for links on that page. */
export function commentPermalinkOnPage(commentId: string, extra: Partial<Record<keyof typeof COMMENT_PARAMS, string>> = {}): string {
  const query = new URLSearchParams({ [COMMENT_PARAMS.focus]: commentId });
  for (const [name, value] of Object.entries(extra)) if (value) query.set(COMMENT_PARAMS[name as keyof typeof COMMENT_PARAMS], value);
  return `?${query}#${commentAnchor(commentId)}`;
}
