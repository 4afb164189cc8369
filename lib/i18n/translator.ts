import { createTranslator } from "next-intl";

import de from "@/messages/de.json";
import en from "@/messages/en.json";

import { defaultLocale, isLocale, type Locale } from "./config";

const MESSAGES = { de, en } as const;

/** Messages in a person's stored language, outside a request (mails): German when unknown. */
export function translatorFor(preferred: string) {
  const locale: Locale = isLocale(preferred) ? preferred : defaultLocale;
  return { locale, t: createTranslator({ locale, messages: MESSAGES[locale] }) };
}
