import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { sectionPath } from "@/lib/articles/paths";
import { listSections } from "@/lib/articles/queries";

/** The sections under the masthead, as on every news site's front page. */
export async function SectionNav() {
  const [sections, t] = await Promise.all([listSections(), getTranslations("Site")]);
  if (sections.length === 0) return null;
  return (
    <nav aria-label={t("sectionsNav")} className="border-t border-rule">
      <ul className="mx-auto flex max-w-5xl flex-wrap gap-x-5 gap-y-1 px-4 py-2 font-sans text-sm font-medium">
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
