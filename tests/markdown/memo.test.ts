import { describe, expect, it } from "vitest";

import { memoiseText } from "@/lib/markdown/memo";

function counted(options = { maxChars: 100, maxEntryChars: 50 }) {
  const calls: string[] = [];
  const render = memoiseText((text) => {
    calls.push(text);
    return text.toUpperCase();
  }, options);
  return { render, calls };
}

describe("remembered Markdown rendering", () => {
  it("renders a text once and answers the same result for it afterwards", () => {
    const { render, calls } = counted();
    expect(render("hallo")).toBe("HALLO");
    expect(render("hallo")).toBe("HALLO");
    expect(calls).toEqual(["hallo"]);
  });

  it("renders an edited text anew, because the text itself is the key", () => {
    const { render, calls } = counted();
    render("vorher");
    expect(render("nachher")).toBe("NACHHER");
    expect(calls).toEqual(["vorher", "nachher"]);
  });

  it("forgets the least recently used text once the bound is reached", () => {
    const { render, calls } = counted({ maxChars: 40, maxEntryChars: 40 });
    render("aaaaaaaaaa"); // 20 characters with its result
    render("bbbbbbbbbb"); // 40
    render("aaaaaaaaaa"); // a hit: b is now the oldest
    render("cccccccccc"); // 60 > 40: b goes
    render("aaaaaaaaaa");
    render("bbbbbbbbbb");
    expect(calls).toEqual(["aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc", "bbbbbbbbbb"]);
  });

  it("does not keep a text larger than one entry may be", () => {
    const { render, calls } = counted({ maxChars: 1000, maxEntryChars: 10 });
    render("ein langer Text");
    render("ein langer Text");
    expect(calls).toHaveLength(2);
  });
});
