import { articlePath } from "@/lib/articles/paths";
import { commentAnchor } from "@/lib/comments/paths";
import type { getCachedFormatter, getCachedTranslations } from "@/lib/i18n/shared-cache";

type Translator = Awaited<ReturnType<typeof getCachedTranslations>>;
type Formatter = Awaited<ReturnType<typeof getCachedFormatter>>;

/** What every comment of one page needs to know about the page and the reader. */
export interface ThreadContext {
  /** The section's translator and formatter, looked up once per page rather than once per comment. */
  t: Translator;
  format: Formatter;
  /** The name shown for a deleted or hidden author, translated once per page. */
  deletedAuthor: string;
  article: { id: string; slug: string };
  viewer: { id: string; verified: boolean } | null;
  /** The discussion takes new comments and replies. */
  open: boolean;
  settings: { commentMaxLength: number; commentEditWindowMinutes: number };
  /** Which inline form is open, from the page's query. */
  panel: { reply?: string; edit?: string; report?: string };
  /** The query without panels, to close them again. */
  baseQuery: URLSearchParams;
  focusId: string | null;
  now: Date;
}

// Only the query: the link stays on the article page, and 80 comments do not each repeat its long path.
export function hrefWith(ctx: ThreadContext, param: string, commentId: string, anchor: string) {
  const query = new URLSearchParams(ctx.baseQuery);
  query.set(param, commentId);
  return `?${query}#${anchor}`;
}

export function closeHref(ctx: ThreadContext, commentId: string) {
  const query = ctx.baseQuery.toString();
  return `${articlePath(ctx.article.slug)}${query ? `?${query}` : ""}#${commentAnchor(commentId)}`;
}

export function signInHref(returnTo: string) {
  return `/anmelden?callbackUrl=${encodeURIComponent(returnTo)}`;
}
