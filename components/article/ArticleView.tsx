import type { PublishedArticle } from "@/lib/articles/queries";
import { renderArticleMarkdown } from "@/lib/markdown/render";
import { ArticleMeta } from "./ArticleMeta";

export function ArticleView({ article }: { article: PublishedArticle }) {
  return (
    <article className="mx-auto max-w-2xl">
      <header className="border-b border-rule pb-6">
        {article.section && (
          <p className="mb-2 font-sans text-xs font-bold tracking-wider text-accent uppercase">{article.section.name}</p>
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
      <div
        className="prose prose-lg mt-6 max-w-none font-serif prose-a:text-accent prose-blockquote:border-accent"
        // Rendered from Markdown and sanitised on the server (lib/markdown/render.ts).
        dangerouslySetInnerHTML={{ __html: renderArticleMarkdown(article.body) }}
      />
    </article>
  );
}
