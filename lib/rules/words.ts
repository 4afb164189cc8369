/**
 * Whole-word matching for the word lists, as a German newsroom expects it: case does not
 * matter, and "Ärger", "AERGER" and "ärger" are one word, as are "Straße" and "Strasse".
 */

const FOLD: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss", ẞ: "ss" };

/** One spelling for every way of writing a word: lower case, umlauts as ae/oe/ue, ß as ss, no accents. */
export function foldWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/[äöüßẞ]/g, (char) => FOLD[char] ?? char)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "");
}

interface Token {
  folded: string;
  start: number;
  end: number;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({ folded: foldWord(m[0]), start: m.index, end: m.index + m[0].length }));
}

/** A list entry as a sequence of folded words; a phrase matches its words in a row. */
function entryWords(entry: string): string[] {
  return tokens(entry).map((token) => token.folded);
}

/**
 * The first entry of `list` that occurs in `text` as whole words, with the text as written
 * there, or null. "Idiot" matches "IDIOT!" but not "Idioten" (list the forms you mean).
 */
export function findListedWord(text: string, list: readonly string[]): { entry: string; match: string } | null {
  if (list.length === 0) return null;
  const words = tokens(text);
  for (const entry of list) {
    const wanted = entryWords(entry);
    if (wanted.length === 0) continue;
    for (let i = 0; i + wanted.length <= words.length; i++) {
      if (wanted.every((word, k) => words[i + k]!.folded === word)) {
        return { entry, match: text.slice(words[i]!.start, words[i + wanted.length - 1]!.end) };
      }
    }
  }
  return null;
}

/** Parses the settings form's textarea: one entry per line (or comma-separated), without duplicates. */
export function parseWordList(input: string): string[] {
  const seen = new Set<string>();
  const list: string[] = [];
  for (const raw of input.split(/[\n,]/)) {
    const entry = raw.trim().replace(/\s+/g, " ");
    const key = entryWords(entry).join(" ");
    if (!key || seen.has(key)) continue;
    seen.add(key);
    list.push(entry);
  }
  return list;
}

/** Links in a comment: bare URLs, www. addresses and Markdown links all count once each. */
export function countLinks(text: string): number {
  return (text.match(/(?:\bhttps?:\/\/|(?<![\w./@])www\.)/gi) ?? []).length;
}
