import { dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

// zxcvbn's list of the ~30,000 most common passwords from real breaches, most common first.
const COMMON_PASSWORDS = new Set(dictionary["passwords-common"].map((word) => word.toLowerCase()));

export type PasswordProblem = "passwordTooShort" | "passwordTooLong" | "passwordTooCommon" | "passwordLikeEmail";

/** NIST SP 800-63B style: a minimum length and no known-breached or guessable password; no composition rules. */
export function passwordProblem(password: string, context: { email?: string | null; name?: string | null } = {}): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return "passwordTooShort";
  if (password.length > PASSWORD_MAX_LENGTH) return "passwordTooLong";
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered) || /^(.)\1+$/.test(password) || /^(0123456789|1234567890|abcdefghij)/.test(lowered)) {
    return "passwordTooCommon";
  }
  const personal = [context.email, context.email?.split("@")[0], context.name].filter((v): v is string => !!v && v.length >= 4);
  if (personal.some((value) => lowered.includes(value.toLowerCase()))) return "passwordLikeEmail";
  return null;
}
