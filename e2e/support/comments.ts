import { randomBytes } from "node:crypto";
import { expect, type Locator, type Page } from "@playwright/test";

import { withDb } from "./accounts";

/** A published article of its own per test, so that tests never see each other's comments. */
export async function createArticle(options: { commentsOpen?: boolean } = {}) {
  const id = randomBytes(3).toString("hex");
  const article = await withDb(async (db) => {
    const author = await db.user.findFirstOrThrow({ where: { role: "EDITOR" } });
    return db.article.create({
      data: {
        slug: `e2e-debatte-${id}`,
        title: `Debatte ${id}`,
        dek: "Ein Artikel für die Tests des Kommentarbereichs.",
        body: "Ein Absatz, über den sich streiten lässt.",
        status: "PUBLISHED",
        // Older than the seed article, so the home page still leads with the demo article.
        publishedAt: new Date(Date.now() - 30 * 86_400_000),
        authorId: author.id,
        commentsOpen: options.commentsOpen ?? true,
      },
    });
  });
  return { id: article.id, slug: article.slug, path: `/artikel/${article.slug}` };
}

/**
 * Comments written straight into the database, oldest first, a minute apart: approved, or
 * (status PENDING, with the rules that held them) waiting in the moderation queue.
 */
export async function addComments(
  articleId: string,
  authorId: string,
  bodies: string[],
  options: {
    parentId?: string;
    minutesAgo?: number;
    status?: "APPROVED" | "PENDING";
    flags?: Array<{ rule: string; match?: string }>;
  } = {},
) {
  const status = options.status ?? "APPROVED";
  return withDb(async (db) => {
    const parent = options.parentId ? await db.comment.findUniqueOrThrow({ where: { id: options.parentId } }) : null;
    const start = Date.now() - (options.minutesAgo ?? bodies.length + 1) * 60_000;
    const ids: string[] = [];
    for (const [index, body] of bodies.entries()) {
      const comment = await db.comment.create({
        data: {
          articleId,
          authorId,
          body,
          status,
          flags: options.flags,
          parentId: parent?.id,
          rootId: parent ? (parent.rootId ?? parent.id) : null,
          depth: parent ? parent.depth + 1 : 0,
          createdAt: new Date(start + index * 60_000),
        },
      });
      ids.push(comment.id);
    }
    // Only approved comments count on the article and under their parent.
    if (status === "APPROVED") {
      if (parent) await db.comment.update({ where: { id: parent.id }, data: { replyCount: { increment: bodies.length } } });
      await db.article.update({ where: { id: articleId }, data: { commentCount: { increment: bodies.length } } });
    }
    return ids;
  });
}

export const commentSection = (page: Page) => page.locator("#kommentare");

/** The comment (its article element) whose text contains `text`. */
export const commentWith = (page: Page, text: string): Locator => commentSection(page).getByRole("article").filter({ hasText: text });

export async function writeComment(page: Page, text: string, label = "Dein Kommentar") {
  const box = commentSection(page).getByRole("textbox", { name: label });
  await box.fill(text);
  return box;
}

export async function expectCommentVisible(page: Page, text: string) {
  await expect(commentWith(page, text)).toBeVisible();
}
