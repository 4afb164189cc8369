import {
  _createCache,
  _createIntlFormatters,
  createFormatter,
  createTranslator,
  type Messages,
  type NamespaceKeys,
  type NestedKeyOf,
} from "next-intl";
import { getLocale, getMessages, getTimeZone } from "next-intl/server";

type IntlCache = ReturnType<typeof _createCache>;

/**
 * next-intl starts an empty formatter cache for every request, so each request built its own
 * Intl.DateTimeFormat objects and parsed every ICU message it formatted anew: about a tenth of
 * the CPU of an article view with 80 comments. What the cache holds depends only on the locale,
 * the message and the format options, never on the reader, so one cache per locale serves every
 * request of the process. (`_createCache` and `_createIntlFormatters` are the functions next-intl
 * itself uses for its per-request cache.)
 */
const shared = new Map<string, { cache: IntlCache; formatters: ReturnType<typeof _createIntlFormatters> }>();

function sharedCache(locale: string) {
  let entry = shared.get(locale);
  if (!entry) {
    const cache = _createCache();
    entry = { cache, formatters: _createIntlFormatters(cache) };
    shared.set(locale, entry);
  }
  return entry;
}

/** Like next-intl's getTranslations(namespace), for the request's locale, on the process-wide cache. */
export async function getCachedTranslations<Namespace extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(namespace: Namespace) {
  const [locale, messages, timeZone] = await Promise.all([getLocale(), getMessages(), getTimeZone()]);
  const { cache, formatters } = sharedCache(locale);
  return createTranslator<Messages, Namespace>({ locale, messages, namespace, timeZone, _cache: cache, _formatters: formatters });
}

/** Like next-intl's getFormatter(), for the request's locale, on the process-wide cache. */
export async function getCachedFormatter() {
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  const { cache, formatters } = sharedCache(locale);
  return createFormatter({ locale, timeZone, _cache: cache, _formatters: formatters });
}
