import { describe, expect, it } from "vitest";

import { excerptOf } from "@/lib/articles/excerpt";

describe("article excerpts for teasers", () => {
  it("uses the first paragraph as plain text, without Markdown", () => {
    expect(excerptOf("Die **Regierung** hat [entschieden](https://example.org).\n\nZweiter Absatz.")).toBe(
      "Die Regierung hat entschieden.",
    );
  });

  it("cuts a long paragraph at a word boundary and marks the cut", () => {
    const excerpt = excerptOf(`${"Wort ".repeat(100)}Ende`, 50);
    expect(excerpt.length).toBeLessThanOrEqual(52);
    expect(excerpt).toMatch(/^(Wort )+Wort …$/);
  });

  it("keeps German quotes, umlauts and ampersands as they are", () => {
    expect(excerptOf("„Größer & schöner“, sagt er.")).toBe("„Größer & schöner“, sagt er.");
  });
});
