import { beforeEach, describe, expect, it } from "vitest";

import {
  clearPageCache,
  expireAllPages,
  expirePageTags,
  isFresh,
  lookupPage,
  renderMark,
  staleFor,
  storePage,
} from "@/lib/cache/page-store";

const page = (tags: string[], body = "<html></html>") => ({
  status: 200,
  headers: { "content-type": "text/html" },
  bodies: { identity: Buffer.from(body) },
  etag: '"e"',
  tags,
  freshUntil: Date.now() + 60_000,
});

beforeEach(() => clearPageCache());

describe("the page store", () => {
  it("serves a stored page until one of its tags expires, then keeps it only as a stale copy", () => {
    storePage("a", page(["article:a", "articles"]), renderMark());
    storePage("b", page(["article:b", "articles"]), renderMark());
    expirePageTags(["article:a"]);
    expect(isFresh(lookupPage("a")!)).toBe(false);
    expect(isFresh(lookupPage("b")!)).toBe(true);
    expirePageTags(["articles"]);
    expect(isFresh(lookupPage("b")!)).toBe(false);
  });

  it("leaves a moment of grace after a change to a discussion only, not after a change to the article itself", () => {
    storePage("a", page(["article:a", "articles"]), renderMark());
    expirePageTags(["article:a"]);
    expect(staleFor(lookupPage("a")!)).toBeLessThan(100);
    // A new slug or an unpublished article, even right after a comment.
    expirePageTags(["articles", "article:a"]);
    expect(staleFor(lookupPage("a")!)).toBe(Infinity);
  });

  it("does not keep a page whose tags expired while it was being rendered", () => {
    const mark = renderMark();
    expirePageTags(["article:a"]);
    expect(storePage("a", page(["article:a"]), mark)).toBe(false);
    expect(lookupPage("a")).toBeNull();
    expect(storePage("a", page(["article:a"]), renderMark())).toBe(true);
  });

  it("throws every page out of freshness when this instance may have missed purges", () => {
    storePage("a", page(["article:a"]), renderMark());
    const mark = renderMark();
    expireAllPages();
    expect(isFresh(lookupPage("a")!)).toBe(false);
    expect(storePage("b", page(["article:b"]), mark)).toBe(false);
  });
});
