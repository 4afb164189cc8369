import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const SECRET_FILE = path.resolve(process.cwd(), ".data", "auth-secret");

/**
 * The key that signs and encrypts session cookies. Production must configure AUTH_SECRET;
 * in development one is generated once and kept under .data/, so sessions survive restarts.
 */
export function authSecret(): string {
  const configured = process.env.AUTH_SECRET;
  if (configured) return configured;
  if (process.env.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET must be set in production (for example: openssl rand -base64 33).");
  }
  try {
    const stored = readFileSync(SECRET_FILE, "utf8").trim();
    if (stored) return stored;
  } catch {
    // not generated yet
  }
  const secret = randomBytes(33).toString("base64");
  mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
  try {
    writeFileSync(SECRET_FILE, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    // Another process generated it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(SECRET_FILE, "utf8").trim();
    throw error;
  }
}

/**
 * A short HMAC of `value` under the site's secret, for links and form fields that must not be
 * forged (unsubscribe links, the comment form's clock). `purpose` keeps one use's signatures
 * from being valid for another.
 */
export function signValue(purpose: string, value: string, length: number): string {
  return createHmac("sha256", authSecret()).update(`${purpose}:${value}`).digest("base64url").slice(0, length);
}

/** Whether `signature` is `signValue(purpose, value, length)`, compared in constant time. */
export function hasValidSignature(purpose: string, value: string, signature: string, length: number): boolean {
  const expected = Buffer.from(signValue(purpose, value, length));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
