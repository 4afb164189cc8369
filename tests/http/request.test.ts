import { describe, expect, it } from "vitest";

import { safeReturnPath } from "@/lib/http/request";

describe("the return address after sign-in", () => {
  it("keeps a path on this site, with its anchor", () => {
    expect(safeReturnPath("/artikel/ein-artikel#kommentare")).toBe("/artikel/ein-artikel#kommentare");
  });

  it.each(["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", "", undefined, 42])(
    "refuses %s and goes home instead",
    (value) => {
      expect(safeReturnPath(value)).toBe("/");
    },
  );
});
