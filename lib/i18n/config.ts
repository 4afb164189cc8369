/** UI languages: German is the default, English the second. */
export const locales = ["de", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "de";
/** The cookie that remembers a reader's language (the name next-intl uses by convention). */
export const LOCALE_COOKIE = "NEXT_LOCALE";
/** Dates are shown in the newsroom's time zone, the same for server and browser. */
export const timeZone = "Europe/Berlin";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * The reader's language: their explicit choice (cookie), else the site's default (German
 * unless an admin changed it). The browser's Accept-Language is deliberately not consulted:
 * the articles are in the site's language, and a UI around them in that language is what
 * the publisher wants every reader to get by default.
 */
export function resolveLocale(cookieValue: string | undefined, siteDefault: Locale = defaultLocale): Locale {
  return isLocale(cookieValue) ? cookieValue : siteDefault;
}
