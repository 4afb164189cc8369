import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { WordPressImport } from "@/components/admin/WordPressImport";
import { requirePermission } from "@/lib/accounts/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Import"))("title") };
}

export default async function ImportPage() {
  await requirePermission("content.import", "/admin/import");
  const t = await getTranslations("Import");
  return (
    <div className="max-w-3xl py-6">
      <h1 className="font-serif text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-sm">{t("intro")}</p>
      <p className="mt-2 text-sm text-muted">{t("repeat")}</p>
      <WordPressImport />
    </div>
  );
}
