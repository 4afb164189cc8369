import { z } from "zod";

import { ReportReason } from "@/lib/db/client";
import { fieldError } from "@/lib/forms/state";
import type { FormsKey } from "@/lib/i18n/keys";

/*
 * The comment forms' fields, parsed once by the action (lib/accounts/action.ts). Messages are keys of the
 * "Forms" namespace, and each refusal here is the one the command gives (the commands check again).
 * The body's length depends on the site's settings: postComment and editComment check it.
 */

/** The most a report's own words may say, as reportComment allows. */
export const REPORT_DETAILS_MAX = 500;

/** A new comment or reply; `website` is the bot trap no person fills in. */
export const postCommentSchema = z
  .object({
    articleId: z.string(),
    parentId: z.string().transform((id) => id || null),
    body: z.string(),
    // Chosen by the form once per submission, so that retries and double clicks post once.
    idempotencyKey: z.string().transform((key) => key.slice(0, 100) || crypto.randomUUID()),
    website: z.string(),
    formStamp: z.string(),
  })
  .transform(({ website, ...input }) => ({ ...input, honeypot: website }));

export const editCommentSchema = z.object({ commentId: z.string(), body: z.string() });

/** Deleting one's comment, or liking someone else's. */
export const commentTargetSchema = z.object({ commentId: z.string() });

export const reportCommentSchema = z
  .object({
    commentId: z.string(),
    reason: z.enum(ReportReason, fieldError("reportReasonMissing")),
    details: z.string().trim().max(REPORT_DETAILS_MAX, fieldError("reportDetailsTooLong")),
  })
  .superRefine((report, ctx) => {
    if (report.reason === "OTHER" && !report.details)
      ctx.addIssue({ code: "custom", path: ["details"], message: "reportDetailsMissing" satisfies FormsKey });
  });

/** The switch under an article: "1" opens its discussion, anything else closes it. */
export const discussionSchema = z.object({ articleId: z.string(), open: z.string().transform((open) => open === "1") });
