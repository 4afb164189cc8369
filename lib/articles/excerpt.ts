import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

import { shorten } from "@/lib/text/shorten";

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
  return shorten(text, maxLength, { atWord: true });
}
