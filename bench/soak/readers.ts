import { articlePath, commentsFeedPath } from "../../lib/articles/paths";
import { COMMENT_PARAMS, COMMENT_SORT_COOKIE } from "../../lib/comments/paths";
import type { Ledger } from "./ledger";
import { between, pick, type TrafficLog } from "./traffic";

/** What anonymous readers ask for, and how often (weights). */
const VIEWS = [
  ["home page", 20],
  ["article page", 35],
  ["load more comments", 15],
  ["sorted comments", 10],
  ["comment feed", 10],
  ["permalink", 10],
] as const;

/** The requests readers make, as the results name them. */
export const READER_REQUESTS = VIEWS.map(([kind]) => kind);

/**
 * One anonymous reader until `done()`: one page after another, no pause (a closed loop, like the
 * bench's connections). A permalink to a comment the soak posted must show that comment.
 */
export async function reader(site: { base: string; slug: string }, traffic: TrafficLog, ledger: Ledger, done: () => boolean) {
  const article = `${site.base}${articlePath(site.slug)}`;
  while (!done()) {
    const view = pick(VIEWS);
    switch (view) {
      case "home page":
        await traffic.request(view, `${site.base}/`);
        break;
      case "article page":
        await traffic.request(view, article);
        break;
      case "load more comments":
        await traffic.request(view, `${article}?${COMMENT_PARAMS.count}=${20 * between(2, 5)}`);
        break;
      case "sorted comments":
        await traffic.request(view, article, { headers: { cookie: `${COMMENT_SORT_COOKIE}=${Math.random() < 0.5 ? "newest" : "top"}` } });
        break;
      case "comment feed":
        await traffic.request(view, `${site.base}${commentsFeedPath(site.slug)}`);
        break;
      case "permalink": {
        const shown = ledger.randomPublished();
        if (!shown) {
          // Nothing posted yet: the reader reads the article instead.
          await traffic.request("article page", article);
          break;
        }
        const outcome = await traffic.request(view, `${article}?${COMMENT_PARAMS.focus}=${shown.id}`);
        if ("status" in outcome && outcome.status === 200 && !outcome.text.includes(shown.marker)) {
          traffic.problem(`permalink: comment ${shown.id} (${shown.marker}) is not on its own permalink`);
        }
        break;
      }
    }
  }
}
