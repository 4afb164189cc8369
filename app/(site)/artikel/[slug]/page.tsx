import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/article/ArticleView";
import { CommentSection, commentViewFrom } from "@/components/comments/CommentSection";
import { getPublishedArticle } from "@/lib/articles/queries";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getPublishedArticle((await params).slug);
  if (!article) return {};
  return {
    title: article.seoTitle ?? article.title,
    description: article.seoDescription ?? article.dek ?? undefined,
    // Permalinks and open forms are views of the one article page.
    alternates: { canonical: `/artikel/${article.slug}` },
  };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const article = await getPublishedArticle(slug);
  if (!article) notFound();
  return (
    <>
      <ArticleView article={article} />
      <CommentSection article={article} view={commentViewFrom(query)} />
    </>
  );
}
