"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";

import { formAction, type Outcome } from "@/lib/accounts/action";
import { articlePath } from "@/lib/articles/paths";
import type { CommandContext } from "@/lib/comments/commands/context";
import { deleteOwnComment } from "@/lib/comments/commands/delete";
import { setDiscussionOpen } from "@/lib/comments/commands/discussion";
import { editComment } from "@/lib/comments/commands/edit";
import { postComment } from "@/lib/comments/commands/post";
import { toggleReaction } from "@/lib/comments/commands/reactions";
import { reportComment } from "@/lib/comments/commands/reports";
import { parseSort } from "@/lib/comments/order";
import { COMMENT_SORT_COOKIE, commentPermalink } from "@/lib/comments/paths";
import { commentTargetSchema, discussionSchema, editCommentSchema, postCommentSchema, reportCommentSchema } from "@/lib/comments/schema";
import { echoValues, formText, type FormState } from "@/lib/forms/state";
import { siteOrigin } from "@/lib/http/request";
import { renderCommentMarkdown } from "@/lib/markdown/render";
import { getSiteSettings } from "@/lib/settings/site";

/** What the comment forms render: the usual form state, plus a preview and where the comment went. */
export type CommentFormState = FormState & {
  preview?: string;
  commentId?: string;
  permalink?: string;
};

async function context(): Promise<CommandContext> {
  return { settings: await getSiteSettings(), origin: await siteOrigin() };
}

/** The text as it would appear, for anyone (the form's "preview" button). */
async function preview(formData: FormData): Promise<CommentFormState> {
  const body = formText(formData, "body").trim();
  return { ok: true, values: echoValues(formData), preview: body ? renderCommentMarkdown(body) : "" };
}

const isPreview = (formData: FormData) => formText(formData, "intent") === "preview";

const post = formAction({ access: "signedIn", schema: postCommentSchema }, async (input, user): Promise<Outcome<CommentFormState>> => {
  const result = await postComment({ ...(await context()), userId: user.id, ...input });
  if (!result.ok) return result;
  const permalink = commentPermalink(result.articleSlug, result.comment.id);
  const message = result.comment.status === "PENDING" ? "commentPending" : "commentPosted";
  return { ok: true, message, commentId: result.comment.id, permalink, landing: permalink };
});

/**
 * Posts a comment or reply, or (intent "preview") renders the text as it would appear.
 * With JavaScript the form stays and navigates itself; without, a success lands on the new comment.
 */
export async function postCommentAction(previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  return isPreview(formData) ? preview(formData) : post(previous, formData);
}

const edit = formAction({ access: "signedIn", schema: editCommentSchema }, async (input, user): Promise<Outcome<CommentFormState>> => {
  const result = await editComment({ ...(await context()), userId: user.id, ...input });
  if (!result.ok) return result;
  const permalink = commentPermalink(result.articleSlug, input.commentId);
  return { ok: true, message: result.held ? "commentHeld" : "commentSaved", commentId: input.commentId, permalink, landing: permalink };
});

export async function editCommentAction(previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  return isPreview(formData) ? preview(formData) : edit(previous, formData);
}

export const deleteCommentAction = formAction(
  { access: "signedIn", schema: commentTargetSchema },
  async ({ commentId }, user): Promise<Outcome<FormState>> => {
    const result = await deleteOwnComment({ ...(await context()), userId: user.id, commentId });
    if (!result.ok) return result;
    return { ok: true, message: "commentDeleted", landing: `${articlePath(result.articleSlug)}#kommentare` };
  },
);

export const toggleReactionAction = formAction(
  { access: "signedIn", schema: commentTargetSchema },
  async ({ commentId }, user): Promise<Outcome<FormState>> => {
    const result = await toggleReaction({ ...(await context()), userId: user.id, commentId });
    if (!result.ok) return result;
    return { ok: true, landing: commentPermalink(result.articleSlug, commentId) };
  },
);

export const reportCommentAction = formAction(
  { access: "signedIn", schema: reportCommentSchema, invalid: "first" },
  async (input, user): Promise<Outcome<FormState>> => {
    const result = await reportComment({ ...(await context()), userId: user.id, ...input });
    if (!result.ok) return result;
    return { ok: true, message: "reportSent", landing: commentPermalink(result.articleSlug, input.commentId, { report: input.commentId }) };
  },
);

/** Remembers the reader's choice of order in a cookie (a year), with or without JavaScript. */
export async function setCommentSortAction(formData: FormData): Promise<void> {
  const sort = parseSort(formText(formData, "sort"));
  (await cookies()).set(COMMENT_SORT_COOKIE, sort, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true });
  // The form names the article's slug: articlePath encodes it, so the redirect stays on an article page.
  const slug = formText(formData, "slug");
  redirect(slug ? `${articlePath(slug)}#kommentare` : "/");
}

/** Closes or reopens an article's discussion: setDiscussionOpen asks for comments.moderate (signed out: sign in first). */
export const setDiscussionOpenAction = formAction(
  { access: "signedIn", schema: discussionSchema },
  async ({ articleId, open }, user): Promise<Outcome<FormState>> => {
    const result = await setDiscussionOpen({ actor: user, articleId, open });
    if (!result.ok) return result;
    redirect(`${articlePath(result.articleSlug)}#kommentare`);
  },
);
