/**
 * Text as PostgreSQL can store it. A NUL character, or half of a surrogate pair (what broken
 * UTF-8 or a cut emoji leaves in a JavaScript string), makes the database refuse the whole
 * row; the first is dropped and the second becomes U+FFFD, as a browser shows broken text.
 */
export function storableText(value: string): string {
  return value.replace(/\u0000/g, "").toWellFormed();
}
