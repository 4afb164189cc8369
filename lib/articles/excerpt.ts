import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const parser = new Marked({ gfm: true, async: false });

export const EXCERPT_LENGTH = 280;

/**
 * The teaser text for an article without a dek, as WordPress does for a missing
 * excerpt: the first paragraph as plain text, cut at a word boundary.
 */
export function excerptOf(markdown: string, maxLength = EXCERPT_LENGTH): string {
  const firstParagraph = markdown.trim().split(/\n\s*\n/)[0] ?? "";
  const html = parser.parse(firstParagraph) as string;
  const text = sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/\s+/g, " ")
    .trim()
    // sanitize-html escapes what it keeps as text; this is plain text for React to escape again.
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength + 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${cut.slice(0, lastSpace > maxLength / 2 ? lastSpace : maxLength).replace(/[\s,;:–-]+$/, "")} …`;
}
