/**
 * `text` in at most `max` characters: as it is when it fits, else cut with "…" at the end. With
 * `atWord`, the cut falls after the last whole word (when that keeps more than half the room) and
 * the mark stands apart, as under a teaser: "Die Regierung hat …". The one way Agora shortens text
 * (teasers, mails, the moderation queue, the comment a reply answers).
 */
export function shorten(text: string, max: number, { atWord = false }: { atWord?: boolean } = {}): string {
  if (text.length <= max) return text;
  if (!atWord) return `${firstUnits(text, max - 1)}…`;
  const room = max - 2;
  const lastSpace = text.slice(0, room + 1).lastIndexOf(" ");
  return `${firstUnits(text, lastSpace > room / 2 ? lastSpace : room).replace(/[\s,;:–-]+$/, "")} …`;
}

/** The first `length` UTF-16 units, one fewer where the cut would split an emoji (a surrogate pair). */
function firstUnits(text: string, length: number): string {
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}
