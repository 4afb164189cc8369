"use server";

import { redirect } from "next/navigation";

import { currentUserWithPermission, type CurrentUser } from "@/lib/accounts/session";
import { deleteArticle, saveArticle } from "@/lib/articles/commands";
import { publishArticle, unpublishArticle } from "@/lib/articles/publishing";
import type { ArticleInput } from "@/lib/articles/schema";
import { refused, type FormState } from "@/lib/forms/state";
import type { FormsKey } from "@/lib/i18n/keys";
import { renderArticleMarkdown } from "@/lib/markdown/render";

/** What the editor shows after a save or a publishing step: where the article stands, or why not (message keys, namespace Forms). */
export type ArticleFormState =
  | (FormState & { ok: true; id: string; slug: string; status: string; publishedAt?: string | null; savedAt: string })
  | (FormState & { ok: false; message: FormsKey });

// The editor calls these with its fields, not a form: each asks for the permission itself.
const publisher = () => currentUserWithPermission("articles.publish");
const FORBIDDEN = { ok: false, message: "forbidden" } as const;
const validId = (id: unknown): id is string => typeof id === "string" && /^[\w-]{1,40}$/.test(id);

/** Every action on an existing article: someone who may publish asks, the id has an article's shape; then `run`. */
async function onArticle(id: unknown, run: (actor: CurrentUser, id: string) => Promise<ArticleFormState>): Promise<ArticleFormState> {
  const actor = await publisher();
  if (!actor) return FORBIDDEN;
  if (!validId(id)) return { ok: false, message: "articleNotFound" };
  return run(actor, id);
}

/** Saves the editor's fields (also the autosave); creates the article on its first save. */
export async function saveArticleAction(id: string | null, input: ArticleInput): Promise<ArticleFormState> {
  const save = async (actor: CurrentUser, articleId: string | null): Promise<ArticleFormState> => {
    const result = await saveArticle({ actor, id: articleId, input });
    if (!result.ok) return refused(result);
    return { ok: true, id: result.id, slug: result.slug, status: result.status, savedAt: result.updatedAt.toISOString() };
  };
  if (id !== null) return onArticle(id, save);
  const actor = await publisher();
  return actor ? save(actor, null) : FORBIDDEN;
}

/** Publishes now (`at` null) or schedules for `at` (an ISO time from the browser's local clock). */
export async function publishArticleAction(id: string, at: string | null): Promise<ArticleFormState> {
  return onArticle(id, async (actor, articleId) => {
    const when = at === null ? null : new Date(at);
    if (when && Number.isNaN(when.getTime())) return refused({ error: "scheduleInvalid", field: "publishAt" });
    const result = await publishArticle({ actor, id: articleId, at: when });
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

export async function unpublishArticleAction(id: string): Promise<ArticleFormState> {
  return onArticle(id, async (actor, articleId) => {
    const result = await unpublishArticle({ actor, id: articleId });
    if (!result.ok) return refused(result);
    return { ok: true, id: articleId, slug: "", status: "DRAFT", savedAt: new Date().toISOString() };
  });
}

export async function deleteArticleAction(id: string): Promise<ArticleFormState> {
  return onArticle(id, async (actor, articleId) => {
    const result = await deleteArticle({ actor, id: articleId });
    if (!result.ok) return refused(result);
    redirect("/admin/artikel?geloescht=1");
  });
}

/** The live preview: the body rendered by the very function the public page uses. */
export async function previewMarkdownAction(markdown: string): Promise<string> {
  if (!(await publisher()) || typeof markdown !== "string") return "";
  return renderArticleMarkdown(markdown.slice(0, 200_000));
}
