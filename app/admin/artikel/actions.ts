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

/** Saves the editor's fields (also the autosave); creates the article on its first save. */
export async function saveArticleAction(id: string | null, input: ArticleInput): Promise<EditorResult> {
  const actor = await admin();
  if (!actor) return { ok: false, error: "forbidden" };
  if (id !== null && !validId(id)) return { ok: false, error: "articleNotFound" };
  const result = await saveArticle(db(), actor, id, input);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors ?? (result.field ? { [result.field]: result.error } : undefined) };
  return { ok: true, id: result.id, slug: result.slug, status: result.status, savedAt: result.updatedAt.toISOString() };
}

/** Publishes now (`at` null) or schedules for `at` (an ISO time from the browser's local clock). */
export async function publishArticleAction(id: string, at: string | null): Promise<EditorResult> {
  const actor = await admin();
  if (!actor) return { ok: false, error: "forbidden" };
  if (!validId(id)) return { ok: false, error: "articleNotFound" };
  const when = at === null ? null : new Date(at);
  if (when && Number.isNaN(when.getTime())) return { ok: false, error: "scheduleInvalid", fieldErrors: { publishAt: "scheduleInvalid" } };
  const result = await publishArticle(db(), actor, id, when);
  if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.field ? { [result.field]: result.error } : undefined };
  return { ok: true, id, slug: result.slug, status: result.status, publishedAt: result.publishedAt.toISOString(), savedAt: new Date().toISOString() };
}

export async function unpublishArticleAction(id: string): Promise<EditorResult> {
  const actor = await admin();
  if (!actor) return { ok: false, error: "forbidden" };
  if (!validId(id)) return { ok: false, error: "articleNotFound" };
  const result = await unpublishArticle(db(), actor, id);
  if (!result.ok) return { ok: false, error: result.error };
  return { ok: true, id, slug: "", status: "DRAFT", savedAt: new Date().toISOString() };
}

export async function deleteArticleAction(id: string): Promise<EditorResult> {
  const actor = await admin();
  if (!actor) return { ok: false, error: "forbidden" };
  if (!validId(id)) return { ok: false, error: "articleNotFound" };
  const result = await deleteArticle(db(), actor, id);
  if (!result.ok) return { ok: false, error: result.error };
  redirect("/admin/artikel?geloescht=1");
}

/** The live preview: the body rendered by the very function the public page uses. */
export async function previewMarkdownAction(markdown: string): Promise<string> {
  if (!(await admin()) || typeof markdown !== "string") return "";
  return renderArticleMarkdown(markdown.slice(0, 200_000));
}
