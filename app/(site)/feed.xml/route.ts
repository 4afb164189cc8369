import { FEED_PATHS } from "@/lib/articles/paths";
import { articleFeed, xmlResponse } from "@/lib/feeds/build";
import { feedArticles } from "@/lib/feeds/queries";
import { feedSite } from "@/lib/feeds/site";

/** RSS 2.0 of all articles. */
export async function GET() {
  const [site, articles] = await Promise.all([feedSite(), feedArticles()]);
  const feed = articleFeed(site, articles, { title: site.siteName, link: "/", selfPath: FEED_PATHS.rss, atomPath: FEED_PATHS.atom });
  return xmlResponse(feed.rss2(), "application/rss+xml");
}
