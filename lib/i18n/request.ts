import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";

import { defaultLocale, isLocale, LOCALE_COOKIE, resolveLocale, timeZone } from "./config";

/** The admins' default language; German when the settings cannot be read (the database is down). */
async function siteDefaultLocale() {
  try {
    const { getSiteSettings } = await import("@/lib/settings/site");
    return (await getSiteSettings()).defaultLocale;
  } catch {
    return defaultLocale;
  }
}

export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = resolveLocale(chosen, isLocale(chosen) ? defaultLocale : await siteDefaultLocale());
  return {
    locale,
    timeZone,
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
