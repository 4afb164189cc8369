import { describe, expect, it } from "vitest";

import { shorten } from "@/lib/text/shorten";

describe("shortening text", () => {
  it("leaves text that fits as it is", () => {
    expect(shorten("Kurz.", 5)).toBe("Kurz.");
    expect(shorten("", 10)).toBe("");
  });

  it("cuts longer text to the limit, the ellipsis included", () => {
    expect(shorten("Ein ziemlich langer Satz", 10)).toBe("Ein zieml…");
    expect(shorten("x".repeat(300), 200)).toHaveLength(200);
  });

  it("at a word, keeps whole words, drops trailing punctuation and sets the ellipsis apart", () => {
    expect(shorten("Die Regierung hat, nach langer Debatte, entschieden.", 24, { atWord: true })).toBe("Die Regierung hat …");
    expect(shorten(`${"Wort ".repeat(100)}Ende`, 50, { atWord: true })).toMatch(/^(Wort )+Wort …$/);
  });

  it("at a word, cuts inside a word that takes more than half the room", () => {
    expect(shorten("Donaudampfschifffahrtsgesellschaft", 12, { atWord: true })).toBe("Donaudampf …");
  });

  it("never splits an emoji in two", () => {
    expect(shorten("ab😀cd", 4)).toBe("ab…");
  });
});
