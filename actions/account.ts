"use server";

import { AuthError } from "next-auth";
import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";

import { fieldRefusal, formAction, NO_FIELDS, type Outcome } from "@/lib/accounts/action";
import { signIn, signOut } from "@/lib/accounts/auth";
import {
  changeDisplayName,
  changePassword,
  registerUser,
  requestEmailChange,
  requestPasswordReset,
  resetPassword,
  sendVerificationMail,
} from "@/lib/accounts/commands";
import { deleteAccount } from "@/lib/accounts/data";
import { setNotificationPreferences } from "@/lib/accounts/notifications";
import {
  changeEmailSchema,
  changeNameSchema,
  changePasswordSchema,
  deleteAccountSchema,
  notificationPreferencesSchema,
  resetPasswordSchema,
  resetRequestSchema,
  signInSchema,
  signUpSchema,
} from "@/lib/accounts/schema";
import { echoValues, type FormState } from "@/lib/forms/state";
import { clientIp, safeReturnPath, siteOrigin } from "@/lib/http/request";
import { appealNotice } from "@/lib/moderation/appeals";
import { appealSchema } from "@/lib/moderation/schema";
import { clear, RATE_LIMITS } from "@/lib/ratelimit";
import { addressKey as accountKey, rateLimited } from "@/lib/ratelimit/refusal";
import { fail } from "@/lib/result";
import { getSiteSettings } from "@/lib/settings/site";

/** Signs in with a password the caller has just checked or set; returns false if Auth.js refuses. */
async function startSession(email: string, password: string): Promise<boolean> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return true;
  } catch (error) {
    if (error instanceof AuthError) return false;
    throw error;
  }
}

export const signInAction = formAction(
  { access: "anyone", schema: signInSchema },
  async ({ email, password }, _nobody, formData): Promise<Outcome<FormState>> => {
    const limited = await rateLimited([
      [RATE_LIMITS.signInIp, await clientIp()],
      [RATE_LIMITS.signInAccount, accountKey(email)],
    ]);
    if (limited) return limited;
    if (!(await startSession(email, password))) return fail("invalidCredentials");
    await clear(RATE_LIMITS.signInAccount, accountKey(email));
    redirect(safeReturnPath(formData.get("callbackUrl")));
  },
);

/** Answers alike for a new and a taken address (registerUser mails the owner instead) and signs nobody in. */
export const signUpAction = formAction({ access: "anyone", schema: signUpSchema }, async (input): Promise<Outcome<FormState>> => {
  const limited = await rateLimited([
    [RATE_LIMITS.signUpIp, await clientIp()],
    [RATE_LIMITS.signUpAccount, accountKey(input.email)],
  ]);
  if (limited) return limited;
  await registerUser({ input: { ...input, locale: await getLocale() }, origin: await siteOrigin() });
  return { ok: true, message: "signUpSent", messageValues: { email: input.email } };
});

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/?abgemeldet=1" });
}

export const requestResetAction = formAction(
  { access: "anyone", schema: resetRequestSchema },
  async ({ email }, _nobody, formData): Promise<Outcome<FormState>> => {
    const limited = await rateLimited([
      [RATE_LIMITS.resetIp, await clientIp()],
      [RATE_LIMITS.resetAccount, accountKey(email)],
    ]);
    if (limited) return limited;
    const origin = await siteOrigin();
    // After the answer: only a known address costs a token and a mail, and the wait must not tell.
    after(() => requestPasswordReset({ email, origin }));
    return { ok: true, message: "resetRequestSent", messageValues: { email }, values: echoValues(formData) };
  },
);

export const resetPasswordAction = formAction(
  { access: "anyone", schema: resetPasswordSchema },
  async ({ token, password }): Promise<Outcome<FormState>> => {
    const result = await resetPassword({ token, password });
    if (!result.ok) return result.field ? fieldRefusal(result.field, result.error) : fail(result.error);
    await clear(RATE_LIMITS.signInAccount, accountKey(result.email));
    await startSession(result.email, password);
    redirect("/konto?passwort=neu");
  },
);

// ── The account page. Every action re-reads the signed-in user on the server.

export const changeNameAction = formAction(
  { access: "signedIn", schema: changeNameSchema },
  async ({ name }, user, formData): Promise<Outcome<FormState>> => {
    await changeDisplayName({ userId: user.id, name });
    revalidatePath("/", "layout");
    return { ok: true, message: "nameSaved", values: echoValues(formData) };
  },
);

export const changeEmailAction = formAction(
  { access: "signedIn", schema: changeEmailSchema },
  async ({ email }, user): Promise<Outcome<FormState>> => {
    const result = await requestEmailChange({ user, newEmail: email, origin: await siteOrigin() });
    if (!result.ok) return fieldRefusal("email", result.error);
    if (!result.mailSent) return fail("mailFailed");
    return { ok: true, message: "changeEmailSent", messageValues: { email } };
  },
);

export const resendVerificationAction = formAction(
  { access: "signedIn", schema: NO_FIELDS },
  async (_input, user): Promise<Outcome<FormState>> => {
    if (user.emailVerified) return { ok: true };
    const limited = await rateLimited([[RATE_LIMITS.resetAccount, `verify:${user.id}`]]);
    if (limited) return limited;
    if (!(await sendVerificationMail({ user, origin: await siteOrigin() }))) return fail("mailFailed");
    return { ok: true, message: "verificationSent", messageValues: { email: user.email ?? "" } };
  },
);

export const changePasswordAction = formAction(
  { access: "signedIn", schema: changePasswordSchema },
  async ({ currentPassword, newPassword }, user): Promise<Outcome<FormState>> => {
    const result = await changePassword({ userId: user.id, currentPassword, newPassword });
    if (!result.ok) return fieldRefusal(result.field ?? "newPassword", result.error);
    // Older sessions ended with the password change; this browser gets a fresh one.
    await startSession(result.email, newPassword);
    return { ok: true, message: "passwordChanged" };
  },
);

export const deleteAccountAction = formAction(
  { access: "signedIn", schema: deleteAccountSchema },
  async ({ confirmEmail }, user): Promise<Outcome<FormState>> => {
    if (!user.email || confirmEmail !== user.email.toLowerCase()) return fieldRefusal("confirmEmail", "deleteConfirmMismatch");
    const { deletedAccountComments } = await getSiteSettings();
    await deleteAccount({ userId: user.id, policy: deletedAccountComments });
    await signOut({ redirect: false });
    redirect("/?konto=geloescht");
  },
);

/** "Sign in with GitHub/Google": Auth.js takes over; the provider must be configured. */
export async function oauthSignInAction(formData: FormData): Promise<void> {
  const provider = String(formData.get("provider"));
  if (provider !== "github" && provider !== "google") return;
  await signIn(provider, { redirectTo: safeReturnPath(formData.get("callbackUrl")) });
}

// ── Notices (statements of reasons) and notification preferences.

export const appealAction = formAction({ access: "signedIn", schema: appealSchema }, async (input, user): Promise<Outcome<FormState>> => {
  const result = await appealNotice({ userId: user.id, ...input });
  if (!result.ok) return result;
  revalidatePath("/konto/mitteilungen");
  return { ok: true, message: "appealSent" };
});

export const notificationPrefsAction = formAction(
  { access: "signedIn", schema: notificationPreferencesSchema },
  async (preferences, user): Promise<Outcome<FormState>> => {
    await setNotificationPreferences({ person: user, preferences });
    return { ok: true, message: "saved" };
  },
);
