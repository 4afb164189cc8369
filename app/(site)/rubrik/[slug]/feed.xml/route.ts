import { sectionFeedPath, sectionPath } from "@/lib/articles/paths";
import { getSection } from "@/lib/articles/queries";
import { articleFeed, xmlResponse } from "@/lib/feeds/build";
import { feedArticles } from "@/lib/feeds/queries";
import { feedSite } from "@/lib/feeds/site";

/** RSS 2.0 of one section (?format=atom for Atom). */
export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const section = await getSection((await params).slug);
  if (!section) return new Response("Not found", { status: 404 });
  const [site, articles] = await Promise.all([feedSite(), feedArticles({ sectionSlug: section.slug })]);
  const self = sectionFeedPath(section.slug);
  const feed = articleFeed(site, articles, {
    title: `${site.siteName} – ${section.name}`,
    link: sectionPath(section.slug),
    selfPath: self,
    atomPath: `${self}?format=atom`,
  });
  return new URL(request.url).searchParams.get("format") === "atom"
    ? xmlResponse(feed.atom1(), "application/atom+xml")
    : xmlResponse(feed.rss2(), "application/rss+xml");
}
