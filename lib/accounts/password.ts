import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// Argon2id (the library's default) with OWASP's recommended minimum: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Made with the same options on first use, so checking against it costs what a real check costs.
let standInHash: Promise<string> | undefined;

/**
 * Whether the password matches the hash. Without a hash (an unknown address, an account
 * without a password) it checks against a stand-in and says no, so that case takes as long
 * as a wrong password and the answer's timing does not tell whether an account exists.
 */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  standInHash ??= hashPassword(randomBytes(32).toString("base64url"));
  try {
    const matches = await verify(passwordHash ?? (await standInHash), password);
    return matches && !!passwordHash;
  } catch {
    return false;
  }
}
