import { articlesChanged } from "@/lib/cache/invalidate";
import { db as appDb, isUniqueViolation, type Db } from "@/lib/db/client";
import { storableText } from "@/lib/forms/text";
import { fail, type CommandResult } from "@/lib/result";

import { accountLink, sendAccountExistsMail, sendAccountMail } from "./mails";
import { hashPassword, verifyPassword } from "./password";
import { passwordProblem } from "./password-policy";
import { inspectToken, issueToken, redeemToken } from "./tokens";

export type { CommandResult } from "@/lib/result";

/** A mail that cannot go out must not undo the account change; the user can ask again. */
async function trySend(send: () => Promise<void>): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (error) {
    console.error("Sending an account mail failed:", error);
    return false;
  }
}

/**
 * Signs someone up without telling them whether the address already has an account. A new
 * address gets the account and its confirmation link; a taken one changes nothing, and its
 * owner is told by mail instead. Either way the password is hashed and one mail goes out, so
 * the answer and its timing are alike.
 */
export async function registerUser({
  db = appDb(),
  input,
  origin,
}: {
  db?: Db;
  input: { name: string; email: string; password: string; locale: string };
  origin: string;
}): Promise<{ ok: true; mailSent: boolean }> {
  const passwordHash = await hashPassword(input.password);
  let owner = await db.user.findUnique({ where: { email: input.email } });
  if (!owner) {
    try {
      const user = await db.user.create({ data: { name: input.name, email: input.email, passwordHash, locale: input.locale } });
      return { ok: true, mailSent: await sendVerificationMail({ db, user, origin }) };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A sign-up for the same address got in first: this one is answered as taken.
      owner = await db.user.findUniqueOrThrow({ where: { email: input.email } });
    }
  }
  const { email, name, locale } = owner;
  return { ok: true, mailSent: await trySend(() => sendAccountExistsMail({ email: email ?? input.email, name, locale }, origin)) };
}

export async function sendVerificationMail({
  db = appDb(),
  user,
  origin,
}: {
  db?: Db;
  user: { id: string; email: string | null; name: string | null; locale: string };
  origin: string;
}) {
  if (!user.email) return false;
  const token = await issueToken(db, user.id, "VERIFY_EMAIL");
  return trySend(() =>
    sendAccountMail("verifyEmail", { email: user.email!, name: user.name, locale: user.locale }, accountLink(origin, "verifyEmail", token)),
  );
}

/**
 * Follows a link from a verification or e-mail-change mail. Both lead to the same address,
 * so the token itself says which it is.
 */
export async function confirmAccountLink({
  db = appDb(),
  token,
}: {
  db?: Db;
  token: string;
}): Promise<CommandResult<{ purpose: "VERIFY_EMAIL" | "CHANGE_EMAIL" }>> {
  for (const purpose of ["VERIFY_EMAIL", "CHANGE_EMAIL"] as const) {
    const checked = await inspectToken({ db, token, purpose });
    if (!checked.ok && checked.reason === "invalid") continue;
    if (!checked.ok) return fail(checked.reason);
    if (purpose === "CHANGE_EMAIL" && checked.email) {
      const taken = await db.user.findFirst({ where: { email: checked.email, NOT: { id: checked.userId } }, select: { id: true } });
      if (taken) return fail("emailTaken");
    }
    const redeemed = await redeemToken({ db, token, purpose });
    if (!redeemed.ok) return fail(redeemed.reason);
    await db.user.update({
      where: { id: redeemed.userId },
      data:
        purpose === "CHANGE_EMAIL" && redeemed.email ? { email: redeemed.email, emailVerified: new Date() } : { emailVerified: new Date() },
    });
    return { ok: true, purpose };
  }
  return fail("invalid");
}

/** Always "sent" to the caller, so the form never tells whether an address has an account. */
export async function requestPasswordReset({ db = appDb(), email, origin }: { db?: Db; email: string; origin: string }): Promise<void> {
  const user = await db.user.findUnique({ where: { email } });
  if (!user) return;
  const token = await issueToken(db, user.id, "RESET_PASSWORD");
  await trySend(() =>
    sendAccountMail("resetPassword", { email, name: user.name, locale: user.locale }, accountLink(origin, "resetPassword", token)),
  );
}

export async function resetPassword({
  db = appDb(),
  token,
  password,
}: {
  db?: Db;
  token: string;
  password: string;
}): Promise<CommandResult<{ email: string }>> {
  const checked = await inspectToken({ db, token, purpose: "RESET_PASSWORD" });
  if (!checked.ok) return fail(checked.reason);
  const user = await db.user.findUniqueOrThrow({ where: { id: checked.userId } });
  const problem = passwordProblem(password, { email: user.email, name: user.name });
  if (problem) return fail(problem, "password");
  const redeemed = await redeemToken({ db, token, purpose: "RESET_PASSWORD" });
  if (!redeemed.ok) return fail(redeemed.reason);
  await db.user.update({
    where: { id: user.id },
    // The link proved the mailbox, and every older session ends with the old password.
    data: { passwordHash: await hashPassword(password), sessionVersion: { increment: 1 }, emailVerified: user.emailVerified ?? new Date() },
  });
  return { ok: true, email: user.email! };
}

export async function changeDisplayName({ db = appDb(), userId, name }: { db?: Db; userId: string; name: string }): Promise<CommandResult> {
  await db.user.update({ where: { id: userId }, data: { name: storableText(name) } });
  // The name stands above the person's comments (and bylines) on any article.
  void articlesChanged(db);
  return { ok: true };
}

/** The new address takes effect only once its owner follows the link mailed to it. */
export async function requestEmailChange({
  db = appDb(),
  user,
  newEmail,
  origin,
}: {
  db?: Db;
  user: { id: string; name: string | null; email: string | null; locale: string };
  newEmail: string;
  origin: string;
}): Promise<CommandResult<{ mailSent: boolean }>> {
  if (newEmail === user.email) return fail("emailUnchanged", "email");
  if (await db.user.findUnique({ where: { email: newEmail }, select: { id: true } })) return fail("emailTaken", "email");
  const token = await issueToken(db, user.id, "CHANGE_EMAIL", { email: newEmail });
  const mailSent = await trySend(() =>
    sendAccountMail("changeEmail", { email: newEmail, name: user.name, locale: user.locale }, accountLink(origin, "changeEmail", token)),
  );
  return { ok: true, mailSent };
}

export async function changePassword({
  db = appDb(),
  userId,
  currentPassword,
  newPassword,
}: {
  db?: Db;
  userId: string;
  currentPassword: string;
  newPassword: string;
}): Promise<CommandResult<{ email: string }>> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  // Accounts made with GitHub or Google have no password yet and may set one.
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, currentPassword)))
    return fail("currentPasswordWrong", "currentPassword");
  const problem = passwordProblem(newPassword, { email: user.email, name: user.name });
  if (problem) return fail(problem, "newPassword");
  await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } },
  });
  return { ok: true, email: user.email! };
}
