/** The minimum a comment needs to be placed in a thread. */
export interface Threadable {
  id: string;
  parentId: string | null;
}

export type ThreadNode<T extends Threadable> = T & { replies: ThreadNode<T>[] };

/**
 * Builds reply trees from a flat list, keeping the list's order among siblings.
 * A reply whose parent is not in the list (not visible to this reader) is dropped
 * together with its own replies, so no thread dangles without its context.
 */
export function buildThreads<T extends Threadable>(comments: readonly T[]): ThreadNode<T>[] {
  const nodes = new Map<string, ThreadNode<T>>();
  for (const comment of comments) nodes.set(comment.id, { ...comment, replies: [] });
  const roots: ThreadNode<T>[] = [];
  for (const comment of comments) {
    const node = nodes.get(comment.id)!;
    if (comment.parentId === null) roots.push(node);
    else nodes.get(comment.parentId)?.replies.push(node);
  }
  return roots;
}
