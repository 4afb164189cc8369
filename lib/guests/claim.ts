import { expireDiscussions } from "@/lib/cache/invalidate";
import { db as appDb, type Db } from "@/lib/db/client";
import { fail, type CommandResult } from "@/lib/result";

import { normaliseGuestEmail } from "./tokens";

/** Whose guest comments an account may take over: its own address, once verified. */
export interface Claimant {
  id: string;
  email: string | null;
  emailVerified: Date | null;
}

/** Comments a guest wrote that an account takes over; one waiting for the guest's confirmation never went public and is not one. */
const claimable = (guestId: string) => ({ guestId, status: { not: "UNCONFIRMED" as const } });

async function guestOf(db: Db, user: Claimant) {
  if (!user.email || !user.emailVerified) return null;
  return db.guest.findUnique({ where: { email: normaliseGuestEmail(user.email) }, select: { id: true } });
}

/** How many comments written as a guest under the account's verified address it could take over (0: nothing to offer). */
export async function claimableGuestComments({ db = appDb(), user }: { db?: Db; user: Claimant }): Promise<number> {
  const guest = await guestOf(db, user);
  return guest ? db.comment.count({ where: claimable(guest.id) }) : 0;
}

/**
 * Takes what someone wrote as a guest into their account, once the account's address is verified
 * and is the guest's: the comments (under the account's name from now on), the discussions the
 * guest follows (one the account follows already is kept once), and then the guest address goes.
 */
export async function claimGuestComments({ db = appDb(), user }: { db?: Db; user: Claimant }): Promise<CommandResult<{ count: number }>> {
  if (!user.emailVerified) return fail("verifyFirst");
  const guest = await guestOf(db, user);
  if (!guest) return fail("nothingToClaim");
  const { count, slugs } = await db.$transaction(async (tx) => {
    const comments = await tx.comment.findMany({ where: claimable(guest.id), select: { article: { select: { slug: true } } } });
    const moved = await tx.comment.updateMany({ where: claimable(guest.id), data: { authorId: user.id, guestId: null, guestName: null } });
    const following = await tx.subscription.findMany({ where: { userId: user.id }, select: { articleId: true } });
    const followed = new Set(following.map((s) => s.articleId));
    // A follow the guest never confirmed was never theirs for sure; it goes with the address.
    const guestFollows = await tx.subscription.findMany({ where: { guestId: guest.id, confirmedAt: { not: null } } });
    for (const follow of guestFollows.filter((s) => !followed.has(s.articleId))) {
      await tx.subscription.update({ where: { id: follow.id }, data: { userId: user.id, guestId: null } });
    }
    // Unconfirmed comments, remaining subscriptions and the address's links go with it.
    await tx.comment.deleteMany({ where: { guestId: guest.id, status: "UNCONFIRMED" } });
    await tx.guest.delete({ where: { id: guest.id } });
    return { count: moved.count, slugs: comments.map((c) => c.article.slug) };
  });
  // The comments' bylines changed from the guest's name to the account's.
  void expireDiscussions(db, ...slugs);
  return { ok: true, count };
}
