import { describe, expect, it } from "vitest";

import { buildThreads } from "@/lib/comments/thread";

const c = (id: string, parentId: string | null = null) => ({ id, parentId });

describe("buildThreads", () => {
  it("nests replies under their parents and keeps the order among siblings", () => {
    const threads = buildThreads([c("a"), c("b"), c("a1", "a"), c("a2", "a"), c("a1x", "a1")]);
    expect(threads.map((t) => t.id)).toEqual(["a", "b"]);
    expect(threads[0]!.replies.map((r) => r.id)).toEqual(["a1", "a2"]);
    expect(threads[0]!.replies[0]!.replies.map((r) => r.id)).toEqual(["a1x"]);
  });

  it("drops replies whose parent is not visible, with their own replies", () => {
    const threads = buildThreads([c("a"), c("orphan", "hidden"), c("orphan-child", "orphan")]);
    expect(threads.map((t) => t.id)).toEqual(["a"]);
    expect(threads[0]!.replies).toEqual([]);
  });
});
