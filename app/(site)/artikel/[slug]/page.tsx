import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound, permanentRedirect } from "next/navigation";

import { ArticleView } from "@/components/article/ArticleView";
import { CommentSection, commentViewFrom } from "@/components/comments/CommentSection";
import { excerptOf } from "@/lib/articles/excerpt";
import { articlePath, commentsFeedPath } from "@/lib/articles/paths";
import { currentSlugFor, getPublishedArticle } from "@/lib/articles/queries";
import { jsonLdScript, newsArticleJsonLd } from "@/lib/articles/structured-data";
import { db } from "@/lib/db/client";
import { siteOrigin } from "@/lib/http/request";
import { getSiteSettings } from "@/lib/settings/site";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getPublishedArticle((await params).slug);
  if (!article) return {};
  const [settings, origin, t] = await Promise.all([getSiteSettings(), siteOrigin(), getTranslations("Comments")]);
  const title = article.seoTitle ?? article.title;
  // Search engines and link previews need a description; without a dek, the first paragraph serves.
  const description = article.seoDescription ?? article.dek ?? excerptOf(article.body, 160);
  const images = article.leadImageUrl ? [{ url: new URL(article.leadImageUrl, origin).href, alt: article.leadImageAlt ?? "" }] : undefined;
  return {
    title,
    description,
    // Permalinks and open forms are views of the one article page.
    alternates: {
      canonical: articlePath(article.slug),
      types: { "application/rss+xml": [{ url: commentsFeedPath(article.slug), title: t("feedTitle", { title: article.title }) }] },
    },
    authors: article.author.name ? [{ name: article.author.name }] : undefined,
    openGraph: {
      type: "article",
      url: articlePath(article.slug),
      siteName: settings.siteName,
      title,
      description,
      images,
      publishedTime: article.publishedAt?.toISOString(),
      modifiedTime: article.updatedAt.toISOString(),
      authors: article.author.name ? [article.author.name] : undefined,
      section: article.section?.name,
      tags: article.tags.map((tag) => tag.name),
    },
    twitter: { card: images ? "summary_large_image" : "summary", title, description, images },
  };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const article = await getPublishedArticle(slug);
  if (!article) {
    // A slug an article had when it was published keeps working (308 to the current one).
    const moved = await currentSlugFor(db(), slug);
    if (moved) permanentRedirect(articlePath(moved));
    notFound();
  }
  const [settings, origin] = await Promise.all([getSiteSettings(), siteOrigin()]);
  return (
    <>
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: jsonLdScript(newsArticleJsonLd(article, origin, settings.siteName)) }}
      />
      <ArticleView article={article} />
      <CommentSection article={article} view={commentViewFrom(query)} />
    </>
  );
}
