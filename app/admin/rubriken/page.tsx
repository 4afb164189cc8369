import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { SectionForm } from "@/components/admin/SectionForm";
import { requirePermission } from "@/lib/accounts/session";
import { listSectionsWithCounts } from "@/lib/articles/admin-queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Sections"))("title") };
}

export default async function SectionsPage({ searchParams }: { searchParams: Promise<{ geloescht?: string }> }) {
  const { geloescht } = await searchParams;
  await requirePermission("sections.manage", "/admin/rubriken");
  const [sections, t] = await Promise.all([listSectionsWithCounts(), getTranslations("Sections")]);
  return (
    <div className="max-w-3xl py-6">
      <h1 className="font-serif text-2xl font-bold">{t("title")}</h1>
      <p className="mt-1 text-sm text-muted">{t("intro")}</p>
      {geloescht && (
        <p role="status" className="mt-4 rounded border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-900">
          {t("sectionDeleted")}
        </p>
      )}
      <div className="mt-4">
        {sections.map((section) => (
          <SectionForm key={section.id} section={{ ...section, count: section._count.articles }} />
        ))}
      </div>
      <h2 className="mt-8 text-lg font-bold">{t("addTitle")}</h2>
      <SectionForm />
    </div>
  );
}
