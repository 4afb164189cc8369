"use server";

import { after } from "next/server";

import { formAction, NO_FIELDS, type Outcome } from "@/lib/accounts/action";
import { echoValues, type FormState } from "@/lib/forms/state";
import { claimGuestComments } from "@/lib/guests/claim";
import { deleteGuestData } from "@/lib/guests/data";
import { requestGuestData } from "@/lib/guests/data-request";
import { guestDataRequestSchema, guestLinkSchema } from "@/lib/guests/data-schema";
import { GUEST_PATHS } from "@/lib/guests/paths";
import { deleteGuestComment } from "@/lib/guests/removal";
import { clientIp, siteOrigin } from "@/lib/http/request";
import { RATE_LIMITS } from "@/lib/ratelimit";
import { addressKey, rateLimited } from "@/lib/ratelimit/refusal";
import { getSiteSettings } from "@/lib/settings/site";

/** Answers alike for a known and an unknown address; only a known one gets a mail, after the answer. */
export const requestGuestDataAction = formAction(
  { access: "anyone", schema: guestDataRequestSchema },
  async ({ email, intent }, _nobody, formData): Promise<Outcome<FormState>> => {
    const limited = await rateLimited([
      [RATE_LIMITS.guestDataIp, await clientIp()],
      [RATE_LIMITS.guestDataAddress, addressKey(email)],
    ]);
    if (limited) return limited;
    const origin = await siteOrigin();
    after(() => requestGuestData({ email, intent, origin }));
    return { ok: true, message: "requestSent", messageValues: { email }, values: echoValues(formData) };
  },
);

/** The button behind a deletion link: the link (not a session) says whose data goes. */
export const deleteGuestDataAction = formAction(
  { access: "anyone", schema: guestLinkSchema, invalid: "first" },
  async ({ token }): Promise<Outcome<FormState>> => {
    const { deletedAccountComments } = await getSiteSettings();
    const result = await deleteGuestData({ token, policy: deletedAccountComments });
    if (!result.ok) return result;
    return { ok: true, message: "dataDeleted", landing: `${GUEST_PATHS.data}?geloescht=1` };
  },
);

/** The button behind the link mailed with a guest's comment: deletes that comment, once. */
export const deleteGuestCommentAction = formAction(
  { access: "anyone", schema: guestLinkSchema, invalid: "first" },
  async ({ token }): Promise<Outcome<FormState>> => {
    const result = await deleteGuestComment({ token });
    if (!result.ok) return result;
    return { ok: true, message: "commentDeleted", landing: `${GUEST_PATHS.deleteComment}?geloescht=1` };
  },
);

/** Takes the comments written as a guest under the signed-in account's verified address into the account. */
export const claimGuestCommentsAction = formAction(
  { access: "signedIn", schema: NO_FIELDS },
  async (_input, user): Promise<Outcome<FormState>> => {
    const result = await claimGuestComments({ user });
    if (!result.ok) return result;
    return { ok: true, message: "claimed", messageValues: { count: result.count } };
  },
);
