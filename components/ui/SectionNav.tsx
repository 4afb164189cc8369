import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { sectionPath } from "@/lib/articles/paths";
import { listSections } from "@/lib/articles/queries";

/** The main navigation under the masthead: the front page and the sections, as on every news site. */
export async function SectionNav() {
  const [sections, t] = await Promise.all([listSections(), getTranslations("Site")]);
  return (
    <nav aria-label={t("mainNav")} className="border-t border-rule">
      <ul className="mx-auto flex max-w-5xl flex-wrap gap-x-5 gap-y-1 px-4 py-2 font-sans text-sm font-medium">
        <li>
          <Link href="/" className="hover:text-accent">
            {t("home")}
          </Link>
        </li>
        {sections.map((section) => (
          <li key={section.id}>
            <Link href={sectionPath(section.slug)} className="hover:text-accent">
              {section.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
