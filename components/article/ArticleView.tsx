import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { sectionPath, tagPath } from "@/lib/articles/paths";
import type { PublishedArticle } from "@/lib/articles/queries";
import { renderArticleMarkdown } from "@/lib/markdown/render";

import { ArticleBody } from "./ArticleBody";
import { ArticleMeta } from "./ArticleMeta";
import { LeadImage } from "./LeadImage";

type ViewedArticle = Pick<
  PublishedArticle,
  | "title"
  | "dek"
  | "body"
  | "publishedAt"
  | "commentCount"
  | "author"
  | "section"
  | "tags"
  | "leadImageUrl"
  | "leadImageAlt"
  | "leadImageCaption"
>;

export async function ArticleView({ article }: { article: ViewedArticle }) {
  const t = await getTranslations("Article");
  return (
    <article className="mx-auto max-w-2xl">
      <header className="border-b border-rule pb-6">
        {article.section && (
          <p className="mb-2 font-sans text-xs font-bold tracking-wider uppercase">
            <Link href={sectionPath(article.section.slug)} className="text-accent hover:underline">
              {article.section.name}
            </Link>
          </p>
        )}
        <h1 className="text-3xl leading-tight font-bold text-balance sm:text-4xl">{article.title}</h1>
        {article.dek && <p className="mt-4 text-xl leading-relaxed text-muted">{article.dek}</p>}
        <div className="mt-4">
          <ArticleMeta
            author={article.author.name}
            publishedAt={article.publishedAt}
            commentCount={article.commentCount}
            commentsHref="#kommentare"
          />
        </div>
      </header>
      {article.leadImageUrl && <LeadImage src={article.leadImageUrl} alt={article.leadImageAlt ?? ""} caption={article.leadImageCaption} />}
      <ArticleBody html={renderArticleMarkdown(article.body)} />
      {article.tags.length > 0 && (
        <nav aria-label={t("tags")} className="mt-8 flex flex-wrap gap-2 font-sans text-sm">
          {article.tags.map((tag) => (
            <Link
              key={tag.slug}
              href={tagPath(tag.slug)}
              className="rounded-full border border-rule px-3 py-1 hover:border-accent hover:text-accent"
            >
              #{tag.name}
            </Link>
          ))}
        </nav>
      )}
    </article>
  );
}
