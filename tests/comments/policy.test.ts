import { describe, expect, it } from "vitest";

import { bodyProblem, characterCount, discussionOpen, editMinutesLeft, placeReply } from "@/lib/comments/policy";

const DAY = 24 * 60 * 60 * 1000;

describe("where a reply goes in its thread", () => {
  const top = { id: "a", parentId: null, rootId: null, depth: 0 };
  const second = { id: "b", parentId: "a", rootId: "a", depth: 1 };
  const third = { id: "c", parentId: "b", rootId: "a", depth: 2 };

  it("a new comment starts a thread at the top level", () => {
    expect(placeReply(null, 3)).toEqual({ parentId: null, rootId: null, depth: 0, replyToId: null });
  });

  it("replies nest under what they answer while the depth allows", () => {
    expect(placeReply(top, 3)).toEqual({ parentId: "a", rootId: "a", depth: 1, replyToId: null });
    expect(placeReply(second, 3)).toEqual({ parentId: "b", rootId: "a", depth: 2, replyToId: null });
  });

  it("an answer to the deepest level hangs beside it and remembers whom it answers", () => {
    expect(placeReply(third, 3)).toEqual({ parentId: "b", rootId: "a", depth: 2, replyToId: "c" });
  });

  it("with a depth of 2, answers to replies stay one level deep", () => {
    expect(placeReply(second, 2)).toEqual({ parentId: "a", rootId: "a", depth: 1, replyToId: "b" });
  });

  it("with a depth of 1 replies still belong to their thread", () => {
    expect(placeReply(top, 1)).toEqual({ parentId: "a", rootId: "a", depth: 1, replyToId: null });
  });
});

describe("when a discussion is open", () => {
  const now = new Date("2026-11-24T12:00:00Z");
  it("is open by default and closed by the article switch", () => {
    expect(
      discussionOpen({ commentsOpen: true, publishedAt: new Date(now.getTime() - 400 * DAY) }, { commentsCloseAfterDays: 0 }, now),
    ).toBe(true);
    expect(discussionOpen({ commentsOpen: false, publishedAt: now }, { commentsCloseAfterDays: 0 }, now)).toBe(false);
  });

  it("closes by itself the given number of days after publication", () => {
    const settings = { commentsCloseAfterDays: 14 };
    expect(discussionOpen({ commentsOpen: true, publishedAt: new Date(now.getTime() - 13 * DAY) }, settings, now)).toBe(true);
    expect(discussionOpen({ commentsOpen: true, publishedAt: new Date(now.getTime() - 15 * DAY) }, settings, now)).toBe(false);
  });
});

describe("comment bodies", () => {
  it("counts characters as readers do, emoji and umlauts as one", () => {
    expect(characterCount("  Grüße 👋🏽 \r\n")).toBe(Array.from("Grüße 👋🏽").length);
  });

  it("refuses empty and too long bodies with the numbers the message needs", () => {
    expect(bodyProblem("   \n ", { commentMaxLength: 10 })).toEqual({ error: "commentEmpty" });
    expect(bodyProblem("x".repeat(11), { commentMaxLength: 10 })).toEqual({ error: "commentTooLong", values: { max: 10, count: 11 } });
    expect(bodyProblem("x".repeat(10), { commentMaxLength: 10 })).toBeNull();
  });

  it("may be edited only within the window", () => {
    const createdAt = new Date("2026-11-24T12:00:00Z");
    expect(editMinutesLeft(createdAt, { commentEditWindowMinutes: 15 }, new Date("2026-11-24T12:14:01Z"))).toBe(1);
    expect(editMinutesLeft(createdAt, { commentEditWindowMinutes: 15 }, new Date("2026-11-24T12:15:00Z"))).toBe(0);
  });
});
