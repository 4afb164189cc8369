import { wordpressHtmlToMarkdown } from "./lib/import/wordpress/content";
import { renderArticleMarkdown } from "./lib/markdown/render";
const md = wordpressHtmlToMarkdown(`<figure class="wp-block-image"><img src="https://x.example/b.jpg" alt=""/><figcaption>Bild <em>B</em> und mehr</figcaption></figure>`);
console.log(md); console.log(renderArticleMarkdown(md));
