/**
 * An article body as readers see it. The public page and the editor's live preview both
 * render through this one component, so the preview shows exactly what will be published.
 * `html` comes from renderArticleMarkdown (lib/markdown/render.ts), which sanitises it.
 */
export function ArticleBody({ html }: { html: string }) {
  return (
    <div
      className="prose prose-lg mt-6 max-w-none font-serif prose-a:text-accent prose-blockquote:border-accent"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
