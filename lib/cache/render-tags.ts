/**
 * Which cache tags a page read while it was rendered for the page cache: they become its
 * surrogate keys, so expiring a tag expires exactly the pages that showed what it names.
 * The front server marks its own render request with a header; the reads of that render
 * (cachedRead, the article lists) note their tags here, on globalThis, where the front
 * server's copy of this module finds them.
 */
export const RENDER_HEADER = "x-agora-render";

const renders = ((globalThis as unknown as { agoraRenderTags?: Map<string, Set<string>> }).agoraRenderTags ??= new Map());

export function beginRenderTags(id: string) {
  renders.set(id, new Set());
}

export function endRenderTags(id: string): string[] {
  const tags = renders.get(id);
  renders.delete(id);
  return tags ? [...tags] : [];
}

// Loaded on first use: tests and scripts import this module in plain Node, where next/headers is not resolvable.
let nextHeaders: Promise<typeof import("next/headers")> | undefined;

/** Notes tags for the page being rendered, when it is rendered for the page cache. */
export async function notePageTags(tags: string[]): Promise<void> {
  if (!process.env.NEXT_RUNTIME || renders.size === 0) return;
  try {
    nextHeaders ??= import("next/headers");
    const id = (await (await nextHeaders).headers()).get(RENDER_HEADER);
    const noted = id ? renders.get(id) : undefined;
    for (const tag of tags) noted?.add(tag);
  } catch {
    // Not in a request.
  }
}

/** Whether a request carries the mark of a render the front server itself asked for. */
export function isPageCacheRender(id: string | undefined): boolean {
  return !!id && renders.has(id);
}
