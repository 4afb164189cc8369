import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** "Previous · Page 2 of 5 · Next" under a list; nothing when everything fits on one page. */
export async function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  const t = await getTranslations("Admin");
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex items-center gap-4 font-sans text-sm">
      {page > 1 && (
        <Link href={href(page - 1)} className="text-accent underline">
          {t("previous")}
        </Link>
      )}
      <span>{t("page", { page, pages })}</span>
      {page < pages && (
        <Link href={href(page + 1)} className="text-accent underline">
          {t("next")}
        </Link>
      )}
    </nav>
  );
}
