import type de from "@/messages/de.json";

import type { locales } from "./config";

/**
 * Types next-intl's keys and locales by our catalogue: every t("…"), useTranslations("…") and
 * getTranslations("…") is checked by `npm run typecheck`. German is the reference catalogue;
 * tests/i18n/config.test.ts keeps en.json to the same keys.
 */
declare module "next-intl" {
  interface AppConfig {
    Locale: (typeof locales)[number];
    Messages: typeof de;
  }
}
