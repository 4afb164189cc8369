import { hasValidSignature, signValue } from "@/lib/accounts/secret";

/**
 * The comment form carries the time it was rendered, signed so that a bot cannot claim it
 * waited. The rules compare it with the time of submission (bots submit at once).
 */
const PURPOSE = "form-clock";
const LENGTH = 22;

export function formStamp(now: Date = new Date()): string {
  const value = String(now.getTime());
  return `${value}.${signValue(PURPOSE, value, LENGTH)}`;
}

/** Milliseconds since the form was rendered, or null for a missing or forged stamp. */
export function elapsedSinceStamp(stamp: string, now: Date = new Date()): number | null {
  const [value, signature] = stamp.split(".");
  if (!value || !signature || !/^\d{10,16}$/.test(value)) return null;
  if (!hasValidSignature(PURPOSE, value, signature, LENGTH)) return null;
  return now.getTime() - Number(value);
}
