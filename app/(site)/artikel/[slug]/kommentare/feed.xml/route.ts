import { getTranslations } from "next-intl/server";

import { commentsFeed, xmlResponse } from "@/lib/feeds/build";
import { feedComments } from "@/lib/feeds/queries";
import { feedSite } from "@/lib/feeds/site";

/** RSS 2.0 of an article's approved comments, as WordPress offers one per post. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const t = await getTranslations("Feeds");
  const found = await feedComments({ slug: (await params).slug, anonymous: t("anonymous") });
  if (!found) return new Response("Not found", { status: 404 });
  const site = await feedSite();
  const feed = commentsFeed(site, found.article, found.comments, t("commentsTitle", { title: found.article.title }));
  return xmlResponse(feed.rss2(), "application/rss+xml");
}
