import Link from "next/link";

import { articlePath } from "@/lib/articles/paths";
import type { ArticleSummary } from "@/lib/articles/queries";

import { ArticleMeta } from "./ArticleMeta";

/** An article in a list; the lead story gets the large treatment. */
export function ArticleTeaser({ article, lead = false, level = lead ? 2 : 3 }: { article: ArticleSummary; lead?: boolean; level?: 2 | 3 }) {
  const href = articlePath(article.slug);
  // Under a list heading (home page) teasers are h3; on a section or tag page they follow its h1.
  const Heading = level === 2 ? "h2" : "h3";
  const text = (
    <div>
      {article.section && <p className="mb-1 font-sans text-xs font-bold tracking-wider text-accent uppercase">{article.section.name}</p>}
      <Heading className={lead ? "text-3xl leading-tight font-bold sm:text-4xl" : "text-xl leading-snug font-bold"}>
        <Link href={href} className="hover:text-accent">
          {article.title}
        </Link>
      </Heading>
      {article.excerpt && <p className={lead ? "mt-3 max-w-3xl text-lg leading-relaxed" : "mt-2 leading-relaxed"}>{article.excerpt}</p>}
      <div className="mt-3">
        <ArticleMeta
          author={article.author.name}
          publishedAt={article.publishedAt}
          commentCount={article.commentCount}
          commentsHref={`${href}#kommentare`}
        />
      </div>
    </div>
  );
  // The lead story shows its picture beside the text, as front pages do.
  if (lead && article.leadImageUrl) {
    return (
      <article className="grid gap-6 border-b border-rule pb-8 md:grid-cols-[3fr_2fr] md:items-start">
        {text}
        {/* eslint-disable-next-line @next/next/no-img-element -- uploads are served as they are, with long-lived caching */}
        <img src={article.leadImageUrl} alt={article.leadImageAlt ?? ""} className="order-first w-full rounded-sm bg-rule/30" />
      </article>
    );
  }
  return <article className={lead ? "border-b border-rule pb-8" : "border-b border-rule py-6 last:border-b-0"}>{text}</article>;
}
