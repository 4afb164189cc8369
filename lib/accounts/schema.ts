import { z } from "zod";

import { Role } from "@/lib/db/client";
import { fieldError } from "@/lib/forms/state";
import { storableText } from "@/lib/forms/text";
import type { FormsKey } from "@/lib/i18n/keys";

import { PASSWORD_MAX_LENGTH, passwordProblem } from "./password-policy";

// Every message is a key in the "Forms" namespace of messages/*.json.
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, fieldError("emailInvalid"))
  .pipe(z.email(fieldError("emailInvalid")));

export const displayNameSchema = z
  .string()
  .transform(storableText)
  .pipe(
    z
      .string()
      .trim()
      .min(2, fieldError("nameTooShort"))
      .max(60, fieldError("nameTooLong"))
      .regex(/^[^<>@\n\r]+$/, fieldError("nameInvalid")),
  );

const newPassword = z.string().max(PASSWORD_MAX_LENGTH, fieldError("passwordTooLong"));

/** A new password checked against the policy, given what else the user typed. */
function withPasswordPolicy<T extends z.ZodRawShape>(shape: T, field: string) {
  return z.object(shape).superRefine((data: Record<string, unknown>, ctx) => {
    const password = data[field];
    if (typeof password !== "string") return;
    const problem = passwordProblem(password, {
      email: typeof data.email === "string" ? data.email : undefined,
      name: typeof data.name === "string" ? data.name : undefined,
    });
    if (problem) ctx.addIssue({ code: "custom", path: [field], message: problem satisfies FormsKey });
  });
}

export const signUpSchema = withPasswordPolicy({ name: displayNameSchema, email: emailSchema, password: newPassword }, "password");

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, fieldError("passwordMissing")).max(PASSWORD_MAX_LENGTH, fieldError("passwordMissing")),
});

export const resetRequestSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = withPasswordPolicy({ token: z.string().min(20).max(200), password: newPassword }, "password");

export const changePasswordSchema = withPasswordPolicy(
  { currentPassword: z.string().max(PASSWORD_MAX_LENGTH), newPassword },
  "newPassword",
);

export const roleSchema = z.enum(Role);

export const changeNameSchema = z.object({ name: displayNameSchema });

export const changeEmailSchema = z.object({ email: emailSchema });

/** Deleting an account is confirmed by typing its address (compared without case). */
export const deleteAccountSchema = z.object({ confirmEmail: z.string().transform((email) => email.trim().toLowerCase()) });

const switchedOn = z.string().transform((value) => value === "on");

export const notificationPreferencesSchema = z.object({ notifyReplies: switchedOn, notifyDigest: switchedOn });

/** The admin's role switch; the form names the person, for the answer. */
export const roleChangeSchema = z.object({ userId: z.string().min(1), role: roleSchema, name: z.string().max(200) });
