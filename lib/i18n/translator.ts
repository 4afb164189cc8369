import { createTranslator, type Messages } from "next-intl";

import de from "@/messages/de.json";
import en from "@/messages/en.json";

import { defaultLocale, isLocale, type Locale } from "./config";

// Typed as the catalogue, so an English file missing a German message does not compile.
const MESSAGES: Record<Locale, Messages> = { de, en };

/** Messages in a person's stored language, outside a request (mails): German when unknown. */
export function translatorFor(preferred: string) {
  const locale: Locale = isLocale(preferred) ? preferred : defaultLocale;
  return { locale, t: createTranslator({ locale, messages: MESSAGES[locale] }) };
}
