import { z } from "zod";

import { DECISIONS } from "./decisions";

/*
 * The moderation forms' fields, parsed once by their actions (lib/accounts/action.ts). The site renders these
 * forms itself: a field out of place means a forged form, which the actions refuse as "unexpected".
 */

const checked = (value: string) => value === "1";

/** Approve, reject or spam one comment (commentId) or a selection (commentIds). */
export const decisionSchema = z.object({
  decision: z.enum(DECISIONS),
  commentId: z.string(),
  commentIds: z.array(z.string()),
  reason: z.string().transform((reason) => reason || undefined),
  note: z.string().transform((note) => note || undefined),
});

export const featureSchema = z.object({ commentId: z.string(), featured: z.string().transform(checked) });

/** A moderator's correction of a comment's text; editCommentAsModerator checks the length. */
export const moderatorEditSchema = z.object({ commentId: z.string(), body: z.string() });

/** Suspend ("days": a number or "forever"), lift, or switch "always pre-moderate" ("on") for one person. */
export const personSchema = z.object({
  userId: z.string(),
  intent: z.enum(["restrict", "lift", "premoderate"]),
  days: z.string().transform((days) => (days === "forever" ? null : Number(days))),
  reason: z.string(),
  note: z.string(),
  on: z.string().transform(checked),
});

/** A reader's appeal against a statement of reasons. */
export const appealSchema = z.object({ noticeId: z.string(), text: z.string() });
