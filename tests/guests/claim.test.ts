import { beforeAll, describe, expect, it } from "vitest";

import type { Db } from "@/lib/db/client";
import { claimableGuestComments, claimGuestComments } from "@/lib/guests/claim";

import { freshDatabase } from "../helpers/db";
import { createArticle, createComment, createGuest, createUser } from "../helpers/factories";

let db: Db;
beforeAll(async () => {
  ({ db } = await freshDatabase());
});

/** An account and a guest under the same address (spelled differently), with two comments and two follows. */
async function accountAndGuest(verified = true) {
  const user = await createUser(db, { emailVerified: verified ? new Date() : null });
  const guest = await createGuest(db, { email: user.email!.toLowerCase() });
  const [first, second] = await Promise.all([createArticle(db), createArticle(db)]);
  const comments = [
    await createComment(db, { articleId: first.id, authorId: null, guestId: guest.id, guestName: "Gast G." }),
    await createComment(db, { articleId: second.id, authorId: null, guestId: guest.id, guestName: "Gast G.", status: "PENDING" }),
  ];
  await db.subscription.create({ data: { articleId: first.id, guestId: guest.id, confirmedAt: new Date() } });
  await db.subscription.create({ data: { articleId: second.id, guestId: guest.id, confirmedAt: new Date() } });
  return { user: { ...user, email: user.email!.toUpperCase() }, guest, first, second, comments };
}

describe("taking guest comments into an account", () => {
  it("a verified account is offered the comments written as a guest under its address", async () => {
    const { user } = await accountAndGuest();
    expect(await claimableGuestComments({ db, user })).toBe(2);
    const stranger = await createUser(db);
    expect(await claimableGuestComments({ db, user: stranger })).toBe(0);
  });

  it("claiming moves the comments and follows to the account (a follow it has already is kept once), and the guest goes", async () => {
    const { user, guest, first, second, comments } = await accountAndGuest();
    await db.subscription.create({ data: { articleId: second.id, userId: user.id, confirmedAt: new Date() } });
    expect(await claimGuestComments({ db, user })).toEqual({ ok: true, count: 2 });

    for (const comment of comments) {
      expect(await db.comment.findUnique({ where: { id: comment.id } })).toMatchObject({
        authorId: user.id,
        guestId: null,
        guestName: null,
      });
    }
    const follows = await db.subscription.findMany({ where: { userId: user.id }, orderBy: { articleId: "asc" } });
    expect(follows.map((s) => s.articleId).sort()).toEqual([first.id, second.id].sort());
    expect(await db.guest.findUnique({ where: { id: guest.id } })).toBeNull();
    expect(await claimableGuestComments({ db, user })).toBe(0);
    expect(await claimGuestComments({ db, user })).toMatchObject({ ok: false, error: "nothingToClaim" });
  });

  it("an account whose address is not verified is neither offered nor given the comments", async () => {
    const { user, comments } = await accountAndGuest(false);
    expect(await claimableGuestComments({ db, user })).toBe(0);
    expect(await claimGuestComments({ db, user })).toMatchObject({ ok: false, error: "verifyFirst" });
    expect(await db.comment.findUnique({ where: { id: comments[0]!.id } })).toMatchObject({ authorId: null, guestName: "Gast G." });
  });

  it("a comment the guest never confirmed is not taken over: it never went public and goes with the guest address", async () => {
    const { user, guest, first } = await accountAndGuest();
    const unconfirmed = await createComment(db, { articleId: first.id, authorId: null, guestId: guest.id, status: "UNCONFIRMED" });
    expect(await claimableGuestComments({ db, user })).toBe(2);
    expect(await claimGuestComments({ db, user })).toEqual({ ok: true, count: 2 });
    expect(await db.comment.findUnique({ where: { id: unconfirmed.id } })).toBeNull();
  });
});
