import type { MetadataRoute } from "next";

import { articlePath, sectionPath } from "@/lib/articles/paths";
import { listSitemapEntries } from "@/lib/articles/queries";
import { siteOrigin } from "@/lib/http/request";

export const dynamic = "force-dynamic";

/** Every public article with its last change, plus the home page and the sections. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [origin, { articles, sections }] = await Promise.all([siteOrigin(), listSitemapEntries()]);
  const url = (path: string) => new URL(path, origin).href;
  return [
    { url: url("/"), lastModified: articles[0]?.updatedAt, changeFrequency: "hourly", priority: 1 },
    ...sections.map((section) => ({ url: url(sectionPath(section.slug)), changeFrequency: "daily" as const, priority: 0.6 })),
    ...articles.map((article) => ({ url: url(articlePath(article.slug)), lastModified: article.updatedAt, priority: 0.8 })),
  ];
}
