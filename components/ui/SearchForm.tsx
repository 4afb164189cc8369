import { getTranslations } from "next-intl/server";

/** A plain GET form: search works without JavaScript and its results have a shareable URL. */
export async function SearchForm({ query = "", large = false }: { query?: string; large?: boolean }) {
  const t = await getTranslations("Search");
  return (
    <form
      action="/suche"
      method="get"
      role="search"
      aria-label={large ? t("pageSearch") : t("siteSearch")}
      className="flex items-center gap-2"
    >
      <label htmlFor={large ? "search-page-q" : "search-q"} className="sr-only">
        {t("label")}
      </label>
      <input
        id={large ? "search-page-q" : "search-q"}
        type="search"
        name="q"
        defaultValue={query}
        maxLength={200}
        placeholder={t("placeholder")}
        className={`rounded border border-rule bg-white px-2 py-1 font-sans text-ink ${large ? "w-full max-w-md text-base" : "w-36 text-sm sm:w-44"}`}
      />
      <button type="submit" className={`rounded bg-ink px-3 py-1 font-sans text-white hover:bg-accent ${large ? "text-base" : "text-sm"}`}>
        {t("submit")}
      </button>
    </form>
  );
}
