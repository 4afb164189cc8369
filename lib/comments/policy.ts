/**
 * The comment rules that need no database: when a discussion is open, where a reply hangs
 * in its thread, how long its author may edit it, and what a valid comment body is.
 */

import { storableText } from "@/lib/forms/text";
import type { FormsKey } from "@/lib/i18n/keys";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DiscussionSettings {
  commentMaxLength: number;
  commentMaxDepth: number;
  commentEditWindowMinutes: number;
  commentsCloseAfterDays: number;
}

/** Open unless an admin closed it or it is older than the site's closing age (0 = never). */
export function discussionOpen(
  article: { commentsOpen: boolean; publishedAt: Date | null },
  settings: Pick<DiscussionSettings, "commentsCloseAfterDays">,
  now = new Date(),
): boolean {
  if (!article.commentsOpen) return false;
  if (settings.commentsCloseAfterDays === 0 || !article.publishedAt) return true;
  return now.getTime() < article.publishedAt.getTime() + settings.commentsCloseAfterDays * DAY_MS;
}

export interface Placement {
  parentId: string | null;
  rootId: string | null;
  depth: number;
  /** Set when the reply hangs one level higher than the comment it answers. */
  replyToId: string | null;
}

/**
 * Where a new comment goes. `maxDepth` counts levels with the top level included, so with 3
 * a thread has depths 0, 1 and 2; an answer to a depth-2 comment becomes its sibling and
 * remembers whom it answers.
 */
export function placeReply(
  parent: { id: string; parentId: string | null; rootId: string | null; depth: number } | null,
  maxDepth: number,
): Placement {
  if (!parent) return { parentId: null, rootId: null, depth: 0, replyToId: null };
  const rootId = parent.rootId ?? parent.id;
  if (parent.depth + 1 < maxDepth) return { parentId: parent.id, rootId, depth: parent.depth + 1, replyToId: null };
  // Only replies can sit at the deepest level, so a deepest-level parent always has a parent of its own
  // (with maxDepth 1 there are no nested replies at all: answers join the top level's thread flatly).
  if (parent.parentId === null) return { parentId: parent.id, rootId, depth: parent.depth + 1, replyToId: null };
  return { parentId: parent.parentId, rootId, depth: parent.depth, replyToId: parent.id };
}

/** Minutes left to edit, or 0 when the window has passed. */
export function editMinutesLeft(createdAt: Date, settings: Pick<DiscussionSettings, "commentEditWindowMinutes">, now = new Date()): number {
  const left = createdAt.getTime() + settings.commentEditWindowMinutes * 60_000 - now.getTime();
  return left > 0 ? Math.ceil(left / 60_000) : 0;
}

/** A comment body as stored: line endings normalised and outer blank space trimmed. */
export function normaliseBody(body: string): string {
  return storableText(body).replace(/\r\n?/g, "\n").trim();
}

/** Characters as a reader counts them (emoji and accents are one each), the same in browser and server. */
export function characterCount(text: string): number {
  return Array.from(normaliseBody(text)).length;
}

/** The message key for an unacceptable body, or null. */
export function bodyProblem(
  body: string,
  settings: Pick<DiscussionSettings, "commentMaxLength">,
): { error: FormsKey; values?: Record<string, number> } | null {
  const length = characterCount(body);
  if (length === 0) return { error: "commentEmpty" };
  if (length > settings.commentMaxLength) return { error: "commentTooLong", values: { max: settings.commentMaxLength, count: length } };
  return null;
}
