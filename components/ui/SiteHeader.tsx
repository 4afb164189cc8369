import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { AccountMenu } from "@/components/account/AccountMenu";

import { LanguageSwitch } from "./LanguageSwitch";
import { SearchForm } from "./SearchForm";
import { SectionNav } from "./SectionNav";

export async function SiteHeader({ siteName }: { siteName: string }) {
  const t = await getTranslations("Site");
  return (
    <header className="border-b-4 border-double border-ink">
      <div className="mx-auto flex max-w-5xl flex-wrap items-end justify-between gap-3 px-4 pt-6 pb-3">
        <div>
          <Link href="/" className="font-serif text-4xl font-bold tracking-tight no-underline sm:text-5xl">
            {siteName}
          </Link>
          <p className="mt-1 font-sans text-sm text-muted">{t("tagline")}</p>
        </div>
        <div className="flex flex-wrap items-center gap-4 font-sans">
          <SearchForm />
          <LanguageSwitch />
          <AccountMenu />
        </div>
      </div>
      <SectionNav />
    </header>
  );
}
