import { createHash } from "node:crypto";

import { fail } from "@/lib/result";

import { consume, type RateLimitRule } from "./index";

/** Rate-limit keys name an address by a hash of it, so no e-mail lingers in the table. */
export const addressKey = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);

/** Counts an attempt against every rule; the first rule that refuses says how long to wait, as a form's refusal. */
export async function rateLimited(checks: Array<[RateLimitRule, string]>) {
  for (const [rule, subject] of checks) {
    const result = await consume(rule, subject);
    if (!result.allowed) return fail("rateLimited", undefined, { minutes: Math.max(1, Math.ceil(result.retryAfterMs / 60_000)) });
  }
  return null;
}
