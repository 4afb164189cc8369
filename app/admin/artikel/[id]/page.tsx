import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { ArticleEditor } from "@/components/admin/ArticleEditor";
import { requirePermission } from "@/lib/accounts/session";
import { getArticleForEditor, listAuthors } from "@/lib/articles/admin-queries";
import { listSections } from "@/lib/articles/queries";

import { editorValues } from "../editor-values";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Articles"))("editTitle") };
}

export default async function EditArticlePage({ params }: Props) {
  const { id } = await params;
  const me = await requirePermission("articles.publish", `/admin/artikel/${id}`);
  const article = await getArticleForEditor({ id });
  if (!article) notFound();
  const [sections, authors, t] = await Promise.all([listSections(), listAuthors(), getTranslations("Articles")]);
  const { values, state } = editorValues(article, me.id);
  return (
    <div className="py-6">
      <h1 className="font-serif text-2xl font-bold">{t("editTitle")}</h1>
      <ArticleEditor key={article.id} initial={values} initialState={state} sections={sections} authors={authors} />
    </div>
  );
}
