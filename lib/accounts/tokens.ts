import { createHash, randomBytes } from "node:crypto";

import { db as appDb, type AccountTokenPurpose, type Db } from "@/lib/db/client";

/** How long each kind of mailed link stays valid. */
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  VERIFY_EMAIL: 48 * 60 * 60_000,
  CHANGE_EMAIL: 24 * 60 * 60_000,
  RESET_PASSWORD: 60 * 60_000,
};

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * Issues a single-use link token. Only its hash is stored, so a database leak reveals no
 * usable link; older unused tokens of the same purpose stop working.
 */
export async function issueToken(
  db: Db,
  userId: string,
  purpose: AccountTokenPurpose,
  options: { email?: string; now?: Date } = {},
): Promise<string> {
  const now = options.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  await db.$transaction([
    db.accountToken.deleteMany({ where: { userId, purpose, usedAt: null } }),
    db.accountToken.create({
      data: {
        userId,
        purpose,
        tokenHash: hashToken(token),
        email: options.email,
        expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]),
      },
    }),
  ]);
  return token;
}

export type RedeemResult = { ok: true; userId: string; email: string | null } | { ok: false; reason: "invalid" | "expired" | "used" };

/** A mailed link's token, checked for one purpose. */
export interface TokenCheck {
  db?: Db;
  token: string;
  purpose: AccountTokenPurpose;
  now?: Date;
}

/** Checks a token without using it up (to show the reset form only for a valid link). */
export async function inspectToken({ db = appDb(), token, purpose, now = new Date() }: TokenCheck): Promise<RedeemResult> {
  const row = await db.accountToken.findUnique({ where: { tokenHash: hashToken(token) } });
  if (!row || row.purpose !== purpose) return { ok: false, reason: "invalid" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, userId: row.userId, email: row.email };
}

/**
 * Uses a token up. The conditional update makes it single-use even when two requests
 * race with the same link: only one of them changes the row.
 */
export async function redeemToken({ db = appDb(), token, purpose, now = new Date() }: TokenCheck): Promise<RedeemResult> {
  const checked = await inspectToken({ db, token, purpose, now });
  if (!checked.ok) return checked;
  const { count } = await db.accountToken.updateMany({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1 ? checked : { ok: false, reason: "used" };
}
