import { takesPlace } from "@/lib/comments/counts";
import { normaliseBody, placeReply, type Placement } from "@/lib/comments/policy";
import type { CommentStatus, Prisma } from "@/lib/db/client";

import { htmlToPlainText, wordpressHtmlToMarkdown } from "./content";
import { wxrDate, type WxrComment } from "./parse";
import type { ImportEntry } from "./report";

type Tx = Prisma.TransactionClient;

export interface CommentsOutcome {
  created: number;
  updated: number;
  pending: number;
  spam: number;
  skipped: ImportEntry[];
  notes: ImportEntry[];
}

export interface CommentsInput {
  articleId: string;
  /** "wp:<site>": with ":c<comment id>" it makes the comment's idempotency key. */
  keyPrefix: string;
  postId: string;
  comments: WxrComment[];
  /** Levels of a thread (site setting commentMaxDepth); deeper answers hang one level up, as on the site. */
  maxDepth: number;
  now: Date;
  /** The account with this e-mail address, if any; commenters never get accounts of their own. */
  findUser: (email: string) => Promise<string | null>;
}

const STATUS: Record<Exclude<WxrComment["approved"], "trash">, CommentStatus> = { "1": "APPROVED", "0": "PENDING", spam: "SPAM" };

type Placed = Pick<Placement, "parentId" | "rootId" | "depth"> & { id: string };

/** Why a comment is not imported, or null when it is. */
function skipReason(comment: WxrComment): string | null {
  if (comment.type === "pingback" || comment.type === "trackback") return comment.type;
  if (comment.type !== "comment") return "unsupportedType";
  if (comment.approved === "trash") return "trash";
  return null;
}

/** Parents before their replies: by the length of the chain of imported ancestors, then by date. */
function threadOrder(comments: WxrComment[]): WxrComment[] {
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const level = (comment: WxrComment): number => {
    let steps = 0;
    const seen = new Set([comment.id]);
    for (let parent = byId.get(comment.parentId); parent && !seen.has(parent.id); parent = byId.get(parent.parentId)) {
      seen.add(parent.id);
      steps++;
    }
    return steps;
  };
  const levels = new Map(comments.map((comment) => [comment.id, level(comment)]));
  return [...comments].sort(
    (a, b) => (levels.get(a.id) ?? 0) - (levels.get(b.id) ?? 0) || a.dateGmt.localeCompare(b.dateGmt) || Number(a.id) - Number(b.id),
  );
}

/**
 * Writes a post's comments: new ones threaded under their parents, known ones (by idempotency
 * key) updated in body and status but left where they hang.
 */
export async function importComments(tx: Tx, input: CommentsInput): Promise<CommentsOutcome> {
  const outcome: CommentsOutcome = { created: 0, updated: 0, pending: 0, spam: 0, skipped: [], notes: [] };
  const importable: WxrComment[] = [];
  for (const comment of input.comments) {
    const reason = skipReason(comment);
    if (reason) outcome.skipped.push({ kind: "comment", id: comment.id, postId: input.postId, reason });
    else importable.push(comment);
  }

  const placed = new Map<string, Placed>();
  for (const comment of threadOrder(importable)) {
    const status = STATUS[comment.approved as keyof typeof STATUS];
    const body = normaliseBody(wordpressHtmlToMarkdown(comment.content));
    const idempotencyKey = `${input.keyPrefix}:c${comment.id}`;
    if (status === "PENDING") outcome.pending++;
    if (status === "SPAM") outcome.spam++;

    const existing = await tx.comment.findUnique({
      where: { idempotencyKey },
      select: { id: true, parentId: true, rootId: true, depth: true },
    });
    if (existing) {
      await tx.comment.update({ where: { id: existing.id }, data: { body, status } });
      placed.set(comment.id, existing);
      outcome.updated++;
      continue;
    }

    const parent = comment.parentId === "0" ? null : (placed.get(comment.parentId) ?? null);
    if (comment.parentId !== "0" && !parent) {
      outcome.notes.push({ kind: "comment", id: comment.id, postId: input.postId, reason: "parentMissing" });
    }
    const placement = placeReply(parent, input.maxDepth);
    const authorId = comment.authorEmail ? await input.findUser(comment.authorEmail) : null;
    const created = await tx.comment.create({
      data: {
        articleId: input.articleId,
        authorId,
        guestName: authorId ? null : htmlToPlainText(comment.authorName) || null,
        body,
        status,
        idempotencyKey,
        createdAt: wxrDate(comment.dateGmt, comment.date) ?? input.now,
        ...placement,
      },
      select: { id: true },
    });
    placed.set(comment.id, { id: created.id, parentId: placement.parentId, rootId: placement.rootId, depth: placement.depth });
    outcome.created++;
  }
  return outcome;
}

/**
 * Sets the maintained counters from the rows themselves: the article counts approved comments,
 * each comment the direct replies that take a place in the thread (deepest first, because a
 * placeholder takes a place only while replies of its own hang from it).
 */
export async function recomputeCounts(tx: Tx, articleId: string): Promise<void> {
  const rows = await tx.comment.findMany({ where: { articleId }, select: { id: true, parentId: true, status: true, replyCount: true } });
  const children = new Map<string, typeof rows>();
  for (const row of rows) {
    if (!row.parentId) continue;
    children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
  }
  const counts = new Map<string, number>();
  const replyCount = (id: string): number => {
    const known = counts.get(id);
    if (known !== undefined) return known;
    const count = (children.get(id) ?? []).filter((child) => takesPlace(child.status, replyCount(child.id))).length;
    counts.set(id, count);
    return count;
  };
  for (const row of rows) {
    const count = replyCount(row.id);
    if (count !== row.replyCount) await tx.comment.update({ where: { id: row.id }, data: { replyCount: count } });
  }
  const approved = rows.filter((row) => row.status === "APPROVED").length;
  await tx.article.update({ where: { id: articleId }, data: { commentCount: approved } });
}
