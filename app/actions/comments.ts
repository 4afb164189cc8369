"use server";

import { articleChanged } from "@/lib/cache/invalidate";
import { refresh } from "next/cache";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/accounts/session";
import { articlePath } from "@/lib/articles/paths";
import {
  deleteOwnComment,
  editComment,
  postComment,
  reportComment,
  setDiscussionOpen,
  toggleReaction,
  type CommandContext,
} from "@/lib/comments/commands";
import { commentPermalink, COMMENT_SORT_COOKIE } from "@/lib/comments/paths";
import { parseSort } from "@/lib/comments/queries";
import { db } from "@/lib/db/client";
import { echoValues, formText, refusal, type FormState } from "@/lib/forms/state";
import { renderCommentMarkdown } from "@/lib/markdown/render";
import { siteOrigin } from "@/lib/http/request";
import { getSiteSettings } from "@/lib/settings/site";

/** What the comment forms render: the usual form state, plus a preview and where the comment went. */
export interface CommentFormState extends FormState {
  preview?: string;
  commentId?: string;
  permalink?: string;
}

async function context(): Promise<CommandContext> {
  return { db: db(), settings: await getSiteSettings(), origin: await siteOrigin() };
}


/** The page of the article a form was sent from, to come back to without JavaScript. */
async function slugOf(articleId: string): Promise<string | null> {
  return (await db().article.findUnique({ where: { id: articleId }, select: { slug: true } }))?.slug ?? null;
}

/** After a change to the article's discussion: readers' cached copies go, and the slug comes back. */
async function changed(articleId: string): Promise<string | null> {
  const slug = await slugOf(articleId);
  articleChanged(slug);
  return slug;
}

/**
 * Posts a comment or reply, or (intent "preview") renders the text as it would appear.
 * With JavaScript the form stays and navigates itself; without, a success lands on the new comment.
 */
export async function postCommentAction(_prev: CommentFormState, formData: FormData): Promise<CommentFormState> {
  if (formText(formData, "intent") === "preview") return preview(formData);
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "signInRequired", values: echoValues(formData) };
  const articleId = formText(formData, "articleId");
  const result = await postComment(await context(), user.id, {
    articleId,
    parentId: formText(formData, "parentId") || null,
    body: formText(formData, "body"),
    idempotencyKey: formText(formData, "idempotencyKey").slice(0, 100) || crypto.randomUUID(),
    honeypot: formText(formData, "website"),
    formStamp: formText(formData, "formStamp"),
  });
  if (!result.ok) return refusal(formData, result);
  const slug = await changed(articleId);
  const permalink = slug ? commentPermalink(slug, result.comment.id) : "/";
  if (formText(formData, "enhanced") !== "1") redirect(permalink);
  refresh();
  return { ok: true, message: result.comment.status === "PENDING" ? "commentPending" : "commentPosted", commentId: result.comment.id, permalink };
}

export async function editCommentAction(_prev: CommentFormState, formData: FormData): Promise<CommentFormState> {
  if (formText(formData, "intent") === "preview") return preview(formData);
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "signInRequired", values: echoValues(formData) };
  const commentId = formText(formData, "commentId");
  const result = await editComment(await context(), user.id, { commentId, body: formText(formData, "body") });
  if (!result.ok) return refusal(formData, result);
  const slug = await changed(formText(formData, "articleId"));
  const permalink = slug ? commentPermalink(slug, commentId) : "/";
  if (formText(formData, "enhanced") !== "1") redirect(permalink);
  refresh();
  return { ok: true, message: result.held ? "commentHeld" : "commentSaved", commentId, permalink };
}

async function preview(formData: FormData): Promise<CommentFormState> {
  const body = formText(formData, "body").trim();
  return { ok: true, values: echoValues(formData), preview: body ? renderCommentMarkdown(body) : "" };
}

export async function deleteCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "signInRequired" };
  const result = await deleteOwnComment(await context(), user.id, formText(formData, "commentId"));
  if (!result.ok) return refusal(formData, result);
  const slug = await changed(formText(formData, "articleId"));
  if (formText(formData, "enhanced") !== "1") redirect(slug ? `${articlePath(slug)}#kommentare` : "/");
  refresh();
  return { ok: true, message: "commentDeleted" };
}

export async function toggleReactionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "signInRequired" };
  const commentId = formText(formData, "commentId");
  const result = await toggleReaction(await context(), user.id, commentId);
  if (!result.ok) return refusal(formData, result);
  const slug = await changed(formText(formData, "articleId"));
  if (formText(formData, "enhanced") !== "1") redirect(slug ? commentPermalink(slug, commentId) : "/");
  refresh();
  return { ok: true };
}

export async function reportCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "signInRequired", values: echoValues(formData) };
  const commentId = formText(formData, "commentId");
  const result = await reportComment(await context(), user.id, { commentId, reason: formText(formData, "reason"), details: formText(formData, "details") });
  if (!result.ok) return refusal(formData, result);
  const slug = await changed(formText(formData, "articleId"));
  if (formText(formData, "enhanced") !== "1") redirect(slug ? commentPermalink(slug, commentId, { report: commentId }) : "/");
  refresh();
  return { ok: true, message: "reportSent" };
}

/** Remembers the reader's choice of order in a cookie (a year), with or without JavaScript. */
export async function setCommentSortAction(formData: FormData): Promise<void> {
  const sort = parseSort(formText(formData, "sort"));
  (await cookies()).set(COMMENT_SORT_COOKIE, sort, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true });
  const slug = await slugOf(formText(formData, "articleId"));
  redirect(slug ? `${articlePath(slug)}#kommentare` : "/");
}

export async function setDiscussionOpenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "signInRequired" };
  const articleId = formText(formData, "articleId");
  const result = await setDiscussionOpen(db(), user, articleId, formText(formData, "open") === "1");
  if (!result.ok) return refusal(formData, result);
  const slug = await changed(articleId);
  redirect(slug ? `${articlePath(slug)}#kommentare` : "/");
}
