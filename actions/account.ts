"use server";

import { createHash } from "node:crypto";
import { AuthError } from "next-auth";
import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";

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
import {
  changePasswordSchema,
  displayNameSchema,
  emailSchema,
  resetPasswordSchema,
  resetRequestSchema,
  signInSchema,
  signUpSchema,
} from "@/lib/accounts/schema";
import { getCurrentUser } from "@/lib/accounts/session";
import { db } from "@/lib/db/client";
import { echoValues, failure, formText, invalid, refusal, type FormState } from "@/lib/forms/state";
import { clientIp, safeReturnPath, siteOrigin } from "@/lib/http/request";
import { appealNotice } from "@/lib/moderation/commands";
import { clear, consume, RATE_LIMITS, type RateLimitRule } from "@/lib/ratelimit";
import { getSiteSettings } from "@/lib/settings/site";

/** Rate-limit keys name an account by a hash of its address, so no e-mail lingers in the table. */
const accountKey = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);

/** Counts an attempt against every rule; the first rule that refuses says how long to wait. */
async function rateLimited(formData: FormData, checks: Array<[RateLimitRule, string]>): Promise<FormState | null> {
  for (const [rule, subject] of checks) {
    const result = await consume(rule, subject);
    if (!result.allowed) {
      return failure(formData, "rateLimited", { messageValues: { minutes: Math.max(1, Math.ceil(result.retryAfterMs / 60_000)) } });
    }
  }
  return null;
}

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

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = signInSchema.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return invalid(formData, parsed.error);
  const { email, password } = parsed.data;
  const limited = await rateLimited(formData, [
    [RATE_LIMITS.signInIp, await clientIp()],
    [RATE_LIMITS.signInAccount, accountKey(email)],
  ]);
  if (limited) return limited;
  if (!(await startSession(email, password))) return failure(formData, "invalidCredentials");
  await clear(RATE_LIMITS.signInAccount, accountKey(email));
  redirect(safeReturnPath(formData.get("callbackUrl")));
}

/** Answers alike for a new and a taken address (registerUser mails the owner instead) and signs nobody in. */
export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = signUpSchema.safeParse({ name: formData.get("name"), email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return invalid(formData, parsed.error);
  const { email } = parsed.data;
  const limited = await rateLimited(formData, [
    [RATE_LIMITS.signUpIp, await clientIp()],
    [RATE_LIMITS.signUpAccount, accountKey(email)],
  ]);
  if (limited) return limited;
  await registerUser(db(), { ...parsed.data, locale: await getLocale() }, await siteOrigin());
  return { ok: true, message: "signUpSent", messageValues: { email } };
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/?abgemeldet=1" });
}

export async function requestResetAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = resetRequestSchema.safeParse({ email: formData.get("email") });
  if (!parsed.success) return invalid(formData, parsed.error);
  const limited = await rateLimited(formData, [
    [RATE_LIMITS.resetIp, await clientIp()],
    [RATE_LIMITS.resetAccount, accountKey(parsed.data.email)],
  ]);
  if (limited) return limited;
  const origin = await siteOrigin();
  // After the answer: only a known address costs a token and a mail, and the wait must not tell.
  after(() => requestPasswordReset(db(), parsed.data.email, origin));
  return { ok: true, message: "resetRequestSent", messageValues: { email: parsed.data.email }, values: echoValues(formData) };
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = resetPasswordSchema.safeParse({ token: formData.get("token"), password: formData.get("password") });
  if (!parsed.success) return invalid(formData, parsed.error);
  const result = await resetPassword(db(), parsed.data.token, parsed.data.password);
  if (!result.ok)
    return failure(
      formData,
      result.field ? "checkFields" : result.error,
      result.field ? { fieldErrors: { [result.field]: result.error } } : {},
    );
  await clear(RATE_LIMITS.signInAccount, accountKey(result.email));
  await startSession(result.email, parsed.data.password);
  redirect("/konto?passwort=neu");
}

// ── The account page. Every action re-reads the signed-in user on the server.

const signedOut = (formData: FormData) => failure(formData, "signInRequired");

export async function changeNameAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut(formData);
  const parsed = z.object({ name: displayNameSchema }).safeParse({ name: formData.get("name") });
  if (!parsed.success) return invalid(formData, parsed.error);
  await changeDisplayName(db(), user.id, parsed.data.name);
  revalidatePath("/", "layout");
  return { ok: true, message: "nameSaved", values: echoValues(formData) };
}

export async function changeEmailAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut(formData);
  const parsed = z.object({ email: emailSchema }).safeParse({ email: formData.get("email") });
  if (!parsed.success) return invalid(formData, parsed.error);
  const result = await requestEmailChange(db(), user, parsed.data.email, await siteOrigin());
  if (!result.ok) return failure(formData, "checkFields", { fieldErrors: { email: result.error } });
  if (!result.mailSent) return failure(formData, "mailFailed");
  return { ok: true, message: "changeEmailSent", messageValues: { email: parsed.data.email } };
}

export async function resendVerificationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut(formData);
  if (user.emailVerified) return { ok: true };
  const limited = await rateLimited(formData, [[RATE_LIMITS.resetAccount, `verify:${user.id}`]]);
  if (limited) return limited;
  if (!(await sendVerificationMail(db(), user, await siteOrigin()))) return failure(formData, "mailFailed");
  return { ok: true, message: "verificationSent", messageValues: { email: user.email ?? "" } };
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut(formData);
  const parsed = changePasswordSchema.safeParse({
    currentPassword: formData.get("currentPassword") ?? "",
    newPassword: formData.get("newPassword"),
  });
  if (!parsed.success) return invalid(formData, parsed.error);
  const result = await changePassword(db(), user.id, parsed.data.currentPassword, parsed.data.newPassword);
  if (!result.ok) return failure(formData, "checkFields", { fieldErrors: { [result.field ?? "newPassword"]: result.error } });
  // Older sessions ended with the password change; this browser gets a fresh one.
  await startSession(result.email, parsed.data.newPassword);
  return { ok: true, message: "passwordChanged" };
}

export async function deleteAccountAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut(formData);
  const confirmation = String(formData.get("confirmEmail") ?? "")
    .trim()
    .toLowerCase();
  if (!user.email || confirmation !== user.email.toLowerCase()) {
    return failure(formData, "checkFields", { fieldErrors: { confirmEmail: "deleteConfirmMismatch" } });
  }
  const { deletedAccountComments } = await getSiteSettings();
  await deleteAccount(db(), user.id, deletedAccountComments);
  await signOut({ redirect: false });
  redirect("/?konto=geloescht");
}

/** "Sign in with GitHub/Google": Auth.js takes over; the provider must be configured. */
export async function oauthSignInAction(formData: FormData): Promise<void> {
  const provider = String(formData.get("provider"));
  if (provider !== "github" && provider !== "google") return;
  await signIn(provider, { redirectTo: safeReturnPath(formData.get("callbackUrl")) });
}

// ── Notices (statements of reasons) and notification preferences.

export async function appealAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut(formData);
  const result = await appealNotice({ db: db() }, user.id, { noticeId: formText(formData, "noticeId"), text: formText(formData, "text") });
  if (!result.ok) return refusal(formData, result);
  revalidatePath("/konto/mitteilungen");
  return { ok: true, message: "appealSent" };
}

export async function notificationPrefsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return signedOut(formData);
  const staff = user.role === "EDITOR" || user.role === "ADMIN";
  await db().user.update({
    where: { id: user.id },
    data: { notifyReplies: formData.get("notifyReplies") === "on", notifyDigest: staff && formData.get("notifyDigest") === "on" },
  });
  return { ok: true, message: "saved" };
}
