import { describe, expect, it } from "vitest";

import { resolveLocale } from "@/lib/i18n/config";
import de from "@/messages/de.json";
import en from "@/messages/en.json";

function keys(messages: object, prefix = ""): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === "object" && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe("UI language", () => {
  it("is German unless the reader chose English", () => {
    expect(resolveLocale(undefined)).toBe("de");
    expect(resolveLocale("en")).toBe("en");
    expect(resolveLocale("fr")).toBe("de");
  });

  it("follows the site's default language when an admin set one, unless the reader chose", () => {
    expect(resolveLocale(undefined, "en")).toBe("en");
    expect(resolveLocale("de", "en")).toBe("de");
  });

  it("has every German message in English too, and nothing extra", () => {
    expect(keys(en).sort()).toEqual(keys(de).sort());
  });

  it("heads the comment section as the publisher's page does", () => {
    expect(de.Comments.heading).toBe("Schreibe einen Kommentar");
    expect(en.Comments.heading).toBe("Leave a comment");
  });
});
