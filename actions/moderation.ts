"use server";

import { formAction, type Outcome } from "@/lib/accounts/action";
import type { FormState } from "@/lib/forms/state";
import { siteOrigin } from "@/lib/http/request";
import type { ModerationContext } from "@/lib/moderation/context";
import { editCommentAsModerator, featureComment } from "@/lib/moderation/curation";
import { decideComments } from "@/lib/moderation/decisions";
import { liftRestriction, restrictUser, setAlwaysPremoderate } from "@/lib/moderation/restrictions";
import { decisionSchema, featureSchema, moderatorEditSchema, personSchema } from "@/lib/moderation/schema";
import { getSiteSettings } from "@/lib/settings/site";

async function context(): Promise<ModerationContext> {
  return { origin: await siteOrigin() };
}

// A forged moderation form answers "unexpected". After a decision, featuring, an edit or a ban the
// queue renders afresh (the commands expired readers' copies).
const moderation = { access: "comments.moderate", invalid: "unexpected", refresh: true } as const;

/** Approve, reject or spam one comment (commentId) or a selection (commentIds), from a button or a shortcut. */
const decide = formAction(
  { ...moderation, schema: decisionSchema },
  async ({ commentId, commentIds, ...choice }, actor): Promise<Outcome<FormState>> => {
    const result = await decideComments({ ...(await context()), actor, commentIds: commentId ? [commentId] : commentIds, ...choice });
    if (!result.ok) return result;
    return { ok: true, message: commentId ? `done.${choice.decision}` : "bulkDone", messageValues: { done: result.done } };
  },
);

const feature = formAction(
  { ...moderation, schema: featureSchema },
  async ({ commentId, featured }, actor): Promise<Outcome<FormState>> => {
    const result = await featureComment({ ...(await context()), actor, commentId, featured });
    if (!result.ok) return result;
    return { ok: true, message: featured ? "done.feature" : "done.unfeature" };
  },
);

const editAsModerator = formAction({ ...moderation, schema: moderatorEditSchema }, async (input, actor): Promise<Outcome<FormState>> => {
  const settings = await getSiteSettings();
  const result = await editCommentAsModerator({ ...(await context()), actor, ...input, maxLength: settings.commentMaxLength });
  if (!result.ok) return result;
  return { ok: true, message: "done.edit" };
});

/** The queue's one form action: a decision, featuring, or an edit, chosen by the form's intent. */
export async function queueAction(previous: FormState, formData: FormData): Promise<FormState> {
  const intent = formData.get("intent");
  if (intent === "feature") return feature(previous, formData);
  if (intent === "edit") return editAsModerator(previous, formData);
  return decide(previous, formData);
}

const PERSON_DONE = { restrict: "userDone.restricted", lift: "userDone.lifted", premoderate: "userDone.premoderate" } as const;

/** Suspend, ban, lift, or switch "always pre-moderate", for one person. */
export const moderateUserAction = formAction(
  { ...moderation, access: "people.restrict", schema: personSchema },
  async ({ userId, intent, days, reason, note, on }, actor): Promise<Outcome<FormState>> => {
    const ctx = await context();
    const result =
      intent === "restrict"
        ? await restrictUser({ ...ctx, actor, userId, days, reason, note })
        : intent === "lift"
          ? await liftRestriction({ ...ctx, actor, userId })
          : await setAlwaysPremoderate({ ...ctx, actor, userId, on });
    if (!result.ok) return result;
    return { ok: true, message: PERSON_DONE[intent] };
  },
);
