"use server";

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
import { COMMENT_SORT_COOKIE, commentPermalink } from "@/lib/comments/paths";
import { parseSort } from "@/lib/comments/queries";
import { db } from "@/lib/db/client";
import { echoValues, formText, refusal, type FormState } from "@/lib/forms/state";
import { siteOrigin } from "@/lib/http/request";
import { renderCommentMarkdown } from "@/lib/markdown/render";
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

/**
 * Posts a comment or reply, or (intent "preview") renders the text as it would appear.
 * With JavaScript the form stays and navigates itself; without, a success lands on the new comment.
 */
export async function postCommentAction(_prev: CommentFormState, formData: FormData): Promise<CommentFormState> {
  if (formText(formData, "intent") === "preview") return preview(formData);
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "signInRequired", values: echoValues(formData) };
  const result = await postComment(await context(), user.id, {
    articleId: formText(formData, "articleId"),
    parentId: formText(formData, "parentId") || null,
    body: formText(formData, "body"),
    idempotencyKey: formText(formData, "idempotencyKey").slice(0, 100) || crypto.randomUUID(),
    honeypot: formText(formData, "website"),
    formStamp: formText(formData, "formStamp"),
  });
  if (!result.ok) return refusal(formData, result);
  const permalink = commentPermalink(result.articleSlug, result.comment.id);
  if (formText(formData, "enhanced") !== "1") redirect(permalink);
  refresh();
  return {
    ok: true,
    message: result.comment.status === "PENDING" ? "commentPending" : "commentPosted",
    commentId: result.comment.id,
    permalink,
  };
}

export async function editCommentAction(_prev: CommentFormState, formData: FormData): Promise<CommentFormState> {
  if (formText(formData, "intent") === "preview") return preview(formData);
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "signInRequired", values: echoValues(formData) };
  const commentId = formText(formData, "commentId");
  const result = await editComment(await context(), user.id, { commentId, body: formText(formData, "body") });
  if (!result.ok) return refusal(formData, result);
  const permalink = commentPermalink(result.articleSlug, commentId);
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
  if (formText(formData, "enhanced") !== "1") redirect(`${articlePath(result.articleSlug)}#kommentare`);
  refresh();
  return { ok: true, message: "commentDeleted" };
}

export async function toggleReactionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "signInRequired" };
  const commentId = formText(formData, "commentId");
  const result = await toggleReaction(await context(), user.id, commentId);
  if (!result.ok) return refusal(formData, result);
  if (formText(formData, "enhanced") !== "1") redirect(commentPermalink(result.articleSlug, commentId));
  refresh();
  return { ok: true };
}

export async function reportCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "signInRequired", values: echoValues(formData) };
  const commentId = formText(formData, "commentId");
  const result = await reportComment(await context(), user.id, {
    commentId,
    reason: formText(formData, "reason"),
    details: formText(formData, "details"),
  });
  if (!result.ok) return refusal(formData, result);
  if (formText(formData, "enhanced") !== "1") redirect(commentPermalink(result.articleSlug, commentId, { report: commentId }));
  refresh();
  return { ok: true, message: "reportSent" };
}

/** Remembers the reader's choice of order in a cookie (a year), with or without JavaScript. */
export async function setCommentSortAction(formData: FormData): Promise<void> {
  const sort = parseSort(formText(formData, "sort"));
  (await cookies()).set(COMMENT_SORT_COOKIE, sort, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true });
  // The form names the article's slug: articlePath encodes it, so the redirect stays on an article page.
  const slug = formText(formData, "slug");
  redirect(slug ? `${articlePath(slug)}#kommentare` : "/");
}

export async function setDiscussionOpenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, message: "signInRequired" };
  const result = await setDiscussionOpen(db(), user, formText(formData, "articleId"), formText(formData, "open") === "1");
  if (!result.ok) return refusal(formData, result);
  redirect(`${articlePath(result.articleSlug)}#kommentare`);
}
