import { readFileSync } from "node:fs";

export interface SeedArticle {
  title: string;
  author: string;
  /** Markdown: the article's paragraphs separated by blank lines, exactly as given. */
  body: string;
}

/**
 * Reads the demo article: first line the title, then "Von <author>", then paragraphs.
 * The last line "Schreibe einen Kommentar" is the heading of the comment section
 * on the original page, not part of the article, so it is left out.
 */
export function parseSeedArticle(text: string): SeedArticle {
  const lines = text
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((line) => line.trim());
  const [title = "", ...rest] = lines.filter((line, index) => index === 0 || line !== "");
  const bylineIndex = rest.findIndex((line) => /^Von\s+/.test(line));
  const author = bylineIndex >= 0 ? rest[bylineIndex]!.replace(/^Von\s+/, "") : "Redaktion";
  const paragraphs = rest.slice(bylineIndex + 1).filter((line) => line !== "Schreibe einen Kommentar");
  return { title, author, body: paragraphs.join("\n\n") };
}

export function loadSeedArticle(): SeedArticle {
  return parseSeedArticle(readFileSync(new URL("./seed-article.txt", import.meta.url), "utf8"));
}
