import { createHash, randomBytes } from "node:crypto";

import { db as appDb, type Db, type GuestTokenPurpose } from "@/lib/db/client";

const HOUR = 60 * 60_000;

/** How long each kind of link mailed to a guest address stays valid. */
export const GUEST_TOKEN_LIFETIME_MS: Record<GuestTokenPurpose, number> = {
  CONFIRM_COMMENT: 7 * 24 * HOUR,
  CONFIRM_FOLLOW: 7 * 24 * HOUR,
  // The link to delete one's comment comes with the confirmation mail and is kept like a receipt.
  DELETE_COMMENT: 365 * 24 * HOUR,
  EXPORT_DATA: 24 * HOUR,
  DELETE_DATA: 24 * HOUR,
};

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** What a guest link is about, beside its address. */
export interface GuestTokenSubject {
  commentId?: string;
  articleId?: string;
}

/**
 * Issues a single-use link token for a guest address; only its hash is stored, so a database
 * leak reveals no usable link. Each comment, article or data request has links of its own:
 * a second confirmation mail for one comment replaces the first one's link, not another comment's.
 */
export async function issueGuestToken({
  db = appDb(),
  guestId,
  purpose,
  subject = {},
  now = new Date(),
}: {
  db?: Db;
  guestId: string;
  purpose: GuestTokenPurpose;
  subject?: GuestTokenSubject;
  now?: Date;
}): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  const same = { guestId, purpose, commentId: subject.commentId ?? null, articleId: subject.articleId ?? null, usedAt: null };
  await db.$transaction([
    db.guestToken.deleteMany({ where: same }),
    db.guestToken.create({
      data: {
        guestId,
        purpose,
        tokenHash: hashToken(token),
        commentId: subject.commentId,
        articleId: subject.articleId,
        expiresAt: new Date(now.getTime() + GUEST_TOKEN_LIFETIME_MS[purpose]),
      },
    }),
  ]);
  return token;
}

export type GuestTokenResult =
  | { ok: true; guestId: string; email: string; commentId: string | null; articleId: string | null }
  | { ok: false; reason: "invalid" | "expired" | "used" };

export interface GuestTokenCheck {
  db?: Db;
  token: string;
  purpose: GuestTokenPurpose;
  now?: Date;
}

/** Checks a guest link without using it up (to show what it would do before a button confirms it). */
export async function inspectGuestToken({ db = appDb(), token, purpose, now = new Date() }: GuestTokenCheck): Promise<GuestTokenResult> {
  const row = await db.guestToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { guest: { select: { email: true } } } });
  if (!row || row.purpose !== purpose) return { ok: false, reason: "invalid" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, guestId: row.guestId, email: row.guest.email, commentId: row.commentId, articleId: row.articleId };
}

/** Uses a guest link up; the conditional update keeps it single-use when two requests race with it. */
export async function redeemGuestToken({ db = appDb(), token, purpose, now = new Date() }: GuestTokenCheck): Promise<GuestTokenResult> {
  const checked = await inspectGuestToken({ db, token, purpose, now });
  if (!checked.ok) return checked;
  const { count } = await db.guestToken.updateMany({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1 ? checked : { ok: false, reason: "used" };
}

/** A guest address as stored: trimmed and lower-cased, so that one person's spellings are one guest. */
export const normaliseGuestEmail = (email: string) => email.trim().toLowerCase();
