"use server";

import { redirect } from "next/navigation";

import { currentUserWithRole } from "@/lib/accounts/session";
import { deleteArticle, publishArticle, saveArticle, unpublishArticle } from "@/lib/articles/commands";
import type { ArticleInput } from "@/lib/articles/schema";
import { db } from "@/lib/db/client";
import { renderArticleMarkdown } from "@/lib/markdown/render";

/** The serialisable result the editor shows; errors are message keys (namespace Forms). */
export type EditorResult =
  | { ok: true; id: string; slug: string; status: string; publishedAt?: string | null; savedAt: string }
  | { ok: false; error: string; values?: Record<string, string | number>; fieldErrors?: Record<string, string> };

const admin = () => currentUserWithRole(["ADMIN"]);
const validId = (id: unknown): id is string => typeof id === "string" && /^[\w-]{1,40}$/.test(id);
type Admin = NonNullable<Awaited<ReturnType<typeof admin>>>;

/** Every action on an existing article: an admin asks, the id has an article's shape; then `run`. */
async function onArticle(id: unknown, run: (actor: Admin, id: string) => Promise<EditorResult>): Promise<EditorResult> {
  const actor = await admin();
  if (!actor) return { ok: false, error: "forbidden" };
  if (!validId(id)) return { ok: false, error: "articleNotFound" };
  return run(actor, id);
}

/** A command's refusal, with the field at fault marked. */
const refused = (result: { error: string; field?: string; fieldErrors?: Record<string, string> }): EditorResult => ({
  ok: false,
  error: result.error,
  fieldErrors: result.fieldErrors ?? (result.field ? { [result.field]: result.error } : undefined),
});

/** Saves the editor's fields (also the autosave); creates the article on its first save. */
export async function saveArticleAction(id: string | null, input: ArticleInput): Promise<EditorResult> {
  const save = async (actor: Admin, articleId: string | null): Promise<EditorResult> => {
    const result = await saveArticle(db(), actor, articleId, input);
    if (!result.ok) return refused(result);
    return { ok: true, id: result.id, slug: result.slug, status: result.status, savedAt: result.updatedAt.toISOString() };
  };
  if (id !== null) return onArticle(id, save);
  const actor = await admin();
  return actor ? save(actor, null) : { ok: false, error: "forbidden" };
}

/** Publishes now (`at` null) or schedules for `at` (an ISO time from the browser's local clock). */
export async function publishArticleAction(id: string, at: string | null): Promise<EditorResult> {
  return onArticle(id, async (actor, articleId) => {
    const when = at === null ? null : new Date(at);
    if (when && Number.isNaN(when.getTime())) return { ok: false, error: "scheduleInvalid", fieldErrors: { publishAt: "scheduleInvalid" } };
    const result = await publishArticle(db(), actor, articleId, when);
    if (!result.ok) return refused(result);
    return {
      ok: true,
      id: articleId,
      slug: result.slug,
      status: result.status,
      publishedAt: result.publishedAt.toISOString(),
      savedAt: new Date().toISOString(),
    };
  });
}

export async function unpublishArticleAction(id: string): Promise<EditorResult> {
  return onArticle(id, async (actor, articleId) => {
    const result = await unpublishArticle(db(), actor, articleId);
    if (!result.ok) return refused(result);
    return { ok: true, id: articleId, slug: "", status: "DRAFT", savedAt: new Date().toISOString() };
  });
}

export async function deleteArticleAction(id: string): Promise<EditorResult> {
  return onArticle(id, async (actor, articleId) => {
    const result = await deleteArticle(db(), actor, articleId);
    if (!result.ok) return refused(result);
    redirect("/admin/artikel?geloescht=1");
  });
}

/** The live preview: the body rendered by the very function the public page uses. */
export async function previewMarkdownAction(markdown: string): Promise<string> {
  if (!(await admin()) || typeof markdown !== "string") return "";
  return renderArticleMarkdown(markdown.slice(0, 200_000));
}
