import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/accounts/secret";

/**
 * The comment form carries the time it was rendered, signed so that a bot cannot claim it
 * waited. The rules compare it with the time of submission (bots submit at once).
 */
const sign = (value: string) => createHmac("sha256", authSecret()).update(`form-clock:${value}`).digest("base64url").slice(0, 22);

export function formStamp(now: Date = new Date()): string {
  const value = String(now.getTime());
  return `${value}.${sign(value)}`;
}

/** Milliseconds since the form was rendered, or null for a missing or forged stamp. */
export function elapsedSinceStamp(stamp: string, now: Date = new Date()): number | null {
  const [value, signature] = stamp.split(".");
  if (!value || !signature || !/^\d{10,16}$/.test(value)) return null;
  const expected = Buffer.from(sign(value));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return now.getTime() - Number(value);
}
