import { db } from "@/lib/db/client";

import { verifyPassword } from "./password";
import { signInSchema } from "./schema";

/** The one place a password sign-in is checked; rate limits are applied by the sign-in action before this. */
export async function authorizeCredentials(input: unknown) {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return null;
  const user = await db().user.findUnique({ where: { email: parsed.data.email } });
  // Checked even without an account: an unknown address must cost as long as a wrong password.
  if (!(await verifyPassword(user?.passwordHash, parsed.data.password)) || !user) return null;
  // Only a confirmed address signs in with a password: otherwise signing up with someone's
  // address and then signing in would tell whether it was new (registerUser answers alike).
  // A reader who lost the confirmation mail gets confirmed by resetting the password.
  if (!user.emailVerified) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
}
