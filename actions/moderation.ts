"use server";

import { refresh } from "next/cache";

import { currentUserWithRole, STAFF_ROLES } from "@/lib/accounts/session";
import { db } from "@/lib/db/client";
import { formText, refusal, type FormState } from "@/lib/forms/state";
import { siteOrigin } from "@/lib/http/request";
import {
  decideComments,
  DECISIONS,
  editCommentAsModerator,
  featureComment,
  liftRestriction,
  restrictUser,
  setAlwaysPremoderate,
  type Decision,
  type ModerationContext,
} from "@/lib/moderation/commands";
import type { CommandResult } from "@/lib/result";
import { getSiteSettings } from "@/lib/settings/site";

async function context(): Promise<ModerationContext> {
  return { db: db(), origin: await siteOrigin() };
}

/** After a decision, featuring, an edit or a ban: the queue shows it (the commands expired readers' copies). */
function decided() {
  refresh();
}

/** Approve, reject or spam one comment (commentId) or a selection (commentIds), from a button or a shortcut. */
async function moderateCommentsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await currentUserWithRole(STAFF_ROLES);
  if (!actor) return { ok: false, message: "forbidden" };
  const decision = DECISIONS.find((d) => d === formText(formData, "decision")) as Decision | undefined;
  if (!decision) return { ok: false, message: "unexpected" };
  const ids = formData.getAll("commentIds").filter((id): id is string => typeof id === "string");
  const single = formText(formData, "commentId");
  const result = await decideComments(await context(), actor, {
    commentIds: single ? [single] : ids,
    decision,
    reason: formText(formData, "reason") || undefined,
    note: formText(formData, "note") || undefined,
  });
  if (!result.ok) return refusal(formData, result);
  decided();
  return { ok: true, message: single ? `done.${decision}` : "bulkDone", messageValues: { done: result.done } };
}

async function featureCommentAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await currentUserWithRole(STAFF_ROLES);
  if (!actor) return { ok: false, message: "forbidden" };
  const featured = formText(formData, "featured") === "1";
  const result = await featureComment(await context(), actor, formText(formData, "commentId"), featured);
  if (!result.ok) return refusal(formData, result);
  decided();
  return { ok: true, message: featured ? "done.feature" : "done.unfeature" };
}

async function editCommentAsModeratorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await currentUserWithRole(STAFF_ROLES);
  if (!actor) return { ok: false, message: "forbidden" };
  const settings = await getSiteSettings();
  const result = await editCommentAsModerator(
    await context(),
    actor,
    { commentId: formText(formData, "commentId"), body: formText(formData, "body") },
    settings.commentMaxLength,
  );
  if (!result.ok) return refusal(formData, result);
  decided();
  return { ok: true, message: "done.edit" };
}

/** Suspend, ban, lift, or switch "always pre-moderate", for one person. */
export async function moderateUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await currentUserWithRole(STAFF_ROLES);
  if (!actor) return { ok: false, message: "forbidden" };
  const ctx = await context();
  const userId = formText(formData, "userId");
  const intent = formText(formData, "intent");
  let result: CommandResult;
  let message: string;
  if (intent === "restrict") {
    const duration = formText(formData, "days");
    result = await restrictUser(ctx, actor, {
      userId,
      days: duration === "forever" ? null : Number(duration),
      reason: formText(formData, "reason"),
      note: formText(formData, "note"),
    });
    message = "userDone.restricted";
  } else if (intent === "lift") {
    result = await liftRestriction(ctx, actor, userId);
    message = "userDone.lifted";
  } else if (intent === "premoderate") {
    result = await setAlwaysPremoderate(ctx, actor, userId, formText(formData, "on") === "1");
    message = "userDone.premoderate";
  } else return { ok: false, message: "unexpected" };
  if (!result.ok) return refusal(formData, result);
  decided();
  return { ok: true, message };
}

/** The queue's one form action: a decision, featuring, or an edit, chosen by the form's intent. */
export async function queueAction(prev: FormState, formData: FormData): Promise<FormState> {
  const intent = formText(formData, "intent");
  if (intent === "feature") return featureCommentAction(prev, formData);
  if (intent === "edit") return editCommentAsModeratorAction(prev, formData);
  return moderateCommentsAction(prev, formData);
}
