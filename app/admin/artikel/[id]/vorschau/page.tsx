import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";

import { ArticleView } from "@/components/article/ArticleView";
import { requirePermission } from "@/lib/accounts/session";
import { getArticlePreview } from "@/lib/articles/queries";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  // A draft must never reach a search engine.
  return { title: (await getTranslations("Articles"))("previewTitle"), robots: { index: false, follow: false } };
}

/** A draft as readers will see it, at a URL only admins can open. */
export default async function ArticlePreviewPage({ params }: Props) {
  const { id } = await params;
  await requirePermission("articles.publish", `/admin/artikel/${id}/vorschau`);
  const article = await getArticlePreview(id);
  if (!article) notFound();
  const t = await getTranslations("Articles");
  return (
    <div className="py-6">
      <p
        role="note"
        className="mb-6 flex flex-wrap items-center justify-between gap-2 rounded border border-amber-600 bg-amber-50 px-3 py-2 text-sm text-amber-950"
      >
        <span>{t("previewNotice", { status: t(`statuses.${article.status}`) })}</span>
        <Link href={`/admin/artikel/${id}`} className="font-semibold underline">
          {t("backToEditor")}
        </Link>
      </p>
      <ArticleView article={article} />
    </div>
  );
}
