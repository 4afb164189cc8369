import { siteOrigin } from "@/lib/http/request";
import { getSiteSettings } from "@/lib/settings/site";

import type { FeedSite } from "./build";

/** Name, description and address of the site, as every feed states them. */
export async function feedSite(): Promise<FeedSite> {
  const [settings, origin] = await Promise.all([getSiteSettings(), siteOrigin()]);
  return { origin, siteName: settings.siteName, description: settings.siteDescription, language: settings.defaultLocale };
}
