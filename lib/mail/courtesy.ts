import { configuredOrigin } from "@/lib/http/request";

import { sendMail } from "./transport";

/** Links in mails sent outside a request (moderation decisions, digests) need the public address. */
export function mailOrigin(origin?: string): string {
  return origin ?? configuredOrigin() ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

/**
 * A mail that accompanies something already done (a decision, a reply, the digest): a failed
 * delivery is logged, and what it tells of stands.
 */
export async function sendCourtesyMail(to: string, subject: string, text: string, headers?: Record<string, string>) {
  try {
    await sendMail({ to, subject, text, headers });
  } catch (error) {
    console.error(`[mail] ${subject} → ${to} failed:`, error);
  }
}
