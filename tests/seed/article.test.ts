import { describe, expect, it } from "vitest";

import { loadSeedArticle, parseSeedArticle } from "@/prisma/seed/article";

describe("the demo article", () => {
  const article = loadSeedArticle();

  it("keeps its title exactly, German quotes included", () => {
    expect(article.title).toBe(
      "USA verweigern militärische Unterstützung für Europas “Sicherungstruppe” in der Ukraine – Ein klares Nein zu Luftangriffen!",
    );
  });

  it("is by Rainer Rupp", () => {
    expect(article.author).toBe("Rainer Rupp");
  });

  it("has its eight paragraphs, and not the comment heading", () => {
    const paragraphs = article.body.split("\n\n");
    expect(paragraphs).toHaveLength(8);
    expect(paragraphs[0]).toMatch(/^Die Bemühungen von Großbritannien und Frankreich/);
    expect(paragraphs.at(-1)).toMatch(/betonte Hegseth während einer Pressekonferenz\.$/);
    expect(article.body).not.toContain("Schreibe einen Kommentar");
  });

  it("tolerates Windows line endings", () => {
    expect(parseSeedArticle("Titel\r\n\r\nVon A B\r\n\r\nEins\r\n\r\nZwei\r\n").body).toBe("Eins\n\nZwei");
  });
});
