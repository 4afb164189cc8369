import { describe, expect, it } from "vitest";

import { MAX_SLUG_LENGTH, slugify } from "@/lib/articles/slug";

describe("slugify", () => {
  it("transliterates German letters the way German readers expect", () => {
    expect(slugify("Größere Übungen für Äcker")).toBe("groessere-uebungen-fuer-aecker");
    expect(slugify("Straße")).toBe("strasse");
  });

  it("drops punctuation, typographic quotes and dashes", () => {
    expect(slugify("USA verweigern “Sicherungstruppe” – Ein klares Nein!")).toBe("usa-verweigern-sicherungstruppe-ein-klares-nein");
  });

  it("strips accents from other Latin letters", () => {
    expect(slugify("Café in Kraków")).toBe("cafe-in-krakow");
  });

  it("cuts long titles at a word boundary", () => {
    const title =
      "Die Bemühungen von Großbritannien und Frankreich, eine dauerhafte Koalition der Willigen zu etablieren, die nach einem Waffenstillstand stationiert werden soll";
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.length).toBeGreaterThan(MAX_SLUG_LENGTH - 20);
    expect(slug).toMatch(/^die-bemuehungen-von-grossbritannien-[a-z-]+[a-z]$/);
    expect(
      "die-bemuehungen-von-grossbritannien-und-frankreich-eine-dauerhafte-koalition-der-willigen-zu-etablieren-die-nach-einem-waffenstillstand-stationiert-werden-soll",
    ).toContain(`${slug}-`);
  });

  it("never returns an empty slug", () => {
    expect(slugify("!!!")).toBe("artikel");
  });
});
