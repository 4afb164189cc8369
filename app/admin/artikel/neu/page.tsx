import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { ArticleEditor } from "@/components/admin/ArticleEditor";
import { requirePermission } from "@/lib/accounts/session";
import { listAuthors } from "@/lib/articles/admin-queries";
import { listSections } from "@/lib/articles/queries";

import { editorValues } from "../editor-values";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Articles"))("newTitle") };
}

export default async function NewArticlePage() {
  const me = await requirePermission("articles.publish", "/admin/artikel/neu");
  const [sections, authors, t] = await Promise.all([listSections(), listAuthors(), getTranslations("Articles")]);
  const { values, state } = editorValues(null, me.id);
  return (
    <div className="py-6">
      <h1 className="font-serif text-2xl font-bold">{t("newTitle")}</h1>
      <ArticleEditor initial={values} initialState={state} sections={sections} authors={authors} />
    </div>
  );
}
