/** The public URL of an article: stable and readable, built from its slug. */
export function articlePath(slug: string): string {
  return `/artikel/${encodeURIComponent(slug)}`;
}
