import { describe, expect, it } from "vitest";

import { retryDelay } from "@/lib/live/retry";

describe("a page's wait before opening its live stream again", () => {
  it("starts at about a second and doubles with each failure in a row", () => {
    expect([0, 1, 2, 3].map((attempt) => retryDelay(attempt, 1))).toEqual([1000, 2000, 4000, 8000]);
  });

  it("never exceeds thirty seconds", () => {
    expect(retryDelay(50, 1)).toBe(30_000);
  });

  it("is spread over the upper half of the step, so readers cut off together come back apart", () => {
    expect(retryDelay(0, 0)).toBe(500);
    expect(retryDelay(5, 0)).toBe(15_000);
    const spread = new Set(Array.from({ length: 20 }, () => retryDelay(3)));
    expect(spread.size).toBeGreaterThan(15);
  });
});
