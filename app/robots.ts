import type { MetadataRoute } from "next";

import { siteOrigin } from "@/lib/http/request";

export const dynamic = "force-dynamic";

/** Crawlers may read the site but not the newsroom, the moderation desk, accounts or search results. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = await siteOrigin();
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/admin", "/moderation", "/konto", "/api/", "/suche", "/anmelden", "/registrieren"] }],
    sitemap: new URL("/sitemap.xml", origin).href,
  };
}
