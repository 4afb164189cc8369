import { getLocale, getTranslations } from "next-intl/server";

import { switchLocale } from "@/actions/locale";
import { locales } from "@/lib/i18n/config";

/** A plain form per language, so switching works with and without JavaScript. */
export async function LanguageSwitch() {
  const [current, t] = await Promise.all([getLocale(), getTranslations("Language")]);
  return (
    <nav aria-label={t("label")} className="flex items-center gap-1 text-sm">
      {locales.map((locale) =>
        locale === current ? (
          <span key={locale} aria-current="true" lang={locale} className="rounded px-2 py-1 font-semibold">
            {t(locale)}
          </span>
        ) : (
          <form key={locale} action={switchLocale}>
            <input type="hidden" name="locale" value={locale} />
            <button
              type="submit"
              lang={locale}
              aria-label={t("switchTo", { language: t(locale) })}
              className="cursor-pointer rounded px-2 py-1 text-muted underline decoration-rule hover:text-accent hover:decoration-accent"
            >
              {t(locale)}
            </button>
          </form>
        ),
      )}
    </nav>
  );
}
