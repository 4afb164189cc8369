/**
 * Remembers the results of a pure string → string function, the least recently used first to
 * go once `maxChars` (inputs and results together) is exceeded. The key is the input itself,
 * so an entry can never be stale: an edited comment is a new key, and every app instance
 * computes the same result for the same text.
 */
export function memoiseText(render: (text: string) => string, options: { maxChars: number; maxEntryChars: number }) {
  const entries = new Map<string, string>();
  let chars = 0;
  return (text: string): string => {
    const known = entries.get(text);
    if (known !== undefined) {
      // Map keeps insertion order: moving a hit to the end makes the first entry the least recently used.
      entries.delete(text);
      entries.set(text, known);
      return known;
    }
    const result = render(text);
    const size = text.length + result.length;
    if (size > options.maxEntryChars) return result;
    entries.set(text, result);
    chars += size;
    for (const [oldest, html] of entries) {
      if (chars <= options.maxChars) break;
      entries.delete(oldest);
      chars -= oldest.length + html.length;
    }
    return result;
  };
}
