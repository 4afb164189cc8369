const GERMAN = { ä: "ae", ö: "oe", ü: "ue", ß: "ss", Ä: "Ae", Ö: "Oe", Ü: "Ue", ẞ: "SS" } as const;

/** Longest slug we generate; longer titles are cut at a word boundary. */
export const MAX_SLUG_LENGTH = 128;

/**
 * A readable URL slug from a title, transliterating German letters the way German
 * readers expect (ä→ae, ß→ss) rather than dropping their accents.
 */
export function slugify(title: string): string {
  const ascii = title
    .replace(/[äöüßÄÖÜẞ]/g, (ch) => GERMAN[ch as keyof typeof GERMAN])
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (ascii.length <= MAX_SLUG_LENGTH) return ascii || "artikel";
  const cut = ascii.slice(0, MAX_SLUG_LENGTH + 1);
  const lastDash = cut.lastIndexOf("-");
  return cut.slice(0, lastDash > 20 ? lastDash : MAX_SLUG_LENGTH).replace(/-+$/, "");
}
