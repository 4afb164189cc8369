import { retireComments, type DeletedCommentPolicy } from "@/lib/accounts/data";
import { articlePath } from "@/lib/articles/paths";
import { expireDiscussions } from "@/lib/cache/invalidate";
import { commentPermalink } from "@/lib/comments/paths";
import { db as appDb, type Db } from "@/lib/db/client";
import { fail, type CommandResult } from "@/lib/result";

import { inspectGuestToken, redeemGuestToken, type GuestTokenResult } from "./tokens";

/** What a link to /gast/daten asks for: the download, or the deletion of everything under the address. */
export type GuestDataLink = { ok: true; purpose: "EXPORT_DATA" | "DELETE_DATA"; guestId: string; email: string } | GuestTokenFailure;
type GuestTokenFailure = Extract<GuestTokenResult, { ok: false }>;

/**
 * Reads a data link without using it up, whichever of the two it is: the page shows what it will do
 * before a button does it. A link of the other kind, or of no kind, is "invalid".
 */
export async function inspectGuestDataLink({ db = appDb(), token, now }: { db?: Db; token: string; now?: Date }): Promise<GuestDataLink> {
  const exported = await inspectGuestToken({ db, token, purpose: "EXPORT_DATA", now });
  if (exported.ok) return { ok: true, purpose: "EXPORT_DATA", guestId: exported.guestId, email: exported.email };
  const deleted = await inspectGuestToken({ db, token, purpose: "DELETE_DATA", now });
  if (deleted.ok) return { ok: true, purpose: "DELETE_DATA", guestId: deleted.guestId, email: deleted.email };
  return exported.reason !== "invalid" ? exported : deleted;
}

/** How much is stored under a guest address, for the page a data link opens. */
export async function guestDataSummary({ db = appDb(), guestId }: { db?: Db; guestId: string }) {
  const [comments, subscriptions] = await Promise.all([
    db.comment.count({ where: { guestId } }),
    db.subscription.count({ where: { guestId } }),
  ]);
  return { comments, subscriptions };
}

/** Everything stored under a guest address, as the guest downloads it (GDPR Art. 15/20). */
export async function exportGuestData({ db = appDb(), guestId, origin }: { db?: Db; guestId: string; origin: string }) {
  const guest = await db.guest.findUniqueOrThrow({
    where: { id: guestId },
    select: {
      email: true,
      name: true,
      locale: true,
      confirmedAt: true,
      createdAt: true,
      updatedAt: true,
      comments: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          guestName: true,
          body: true,
          status: true,
          createdAt: true,
          editedAt: true,
          parentId: true,
          article: { select: { slug: true, title: true } },
        },
      },
      subscriptions: {
        orderBy: { createdAt: "asc" },
        select: { confirmedAt: true, createdAt: true, article: { select: { slug: true, title: true } } },
      },
    },
  });
  const { comments, subscriptions, ...profile } = guest;
  const link = (path: string) => new URL(path, origin).toString();
  return {
    exportedAt: new Date().toISOString(),
    guest: profile,
    comments: comments.map(({ article, guestName, ...comment }) => ({
      ...comment,
      name: guestName,
      link: comment.status === "APPROVED" ? link(commentPermalink(article.slug, comment.id)) : null,
      article: { title: article.title, link: link(articlePath(article.slug)) },
    })),
    subscriptions: subscriptions.map(({ article, ...subscription }) => ({
      ...subscription,
      article: { title: article.title, link: link(articlePath(article.slug)) },
    })),
  };
}

export type GuestDataExport = Awaited<ReturnType<typeof exportGuestData>>;

/** The download behind an export link, which it uses up. */
export async function redeemGuestExport({ db = appDb(), token, origin }: { db?: Db; token: string; origin: string }) {
  const link = await redeemGuestToken({ db, token, purpose: "EXPORT_DATA" });
  if (!link.ok) return fail(link.reason);
  return { ok: true as const, data: await exportGuestData({ db, guestId: link.guestId, origin }) };
}

/**
 * Deletes everything stored under a guest address, through the deletion link mailed to it: the
 * comments as a deleted account's are handled (the site setting `deletedAccountComments`), the
 * subscriptions, the address itself and its links.
 */
export async function deleteGuestData({
  db = appDb(),
  token,
  policy,
}: {
  db?: Db;
  token: string;
  policy: DeletedCommentPolicy;
}): Promise<CommandResult> {
  const link = await redeemGuestToken({ db, token, purpose: "DELETE_DATA" });
  if (!link.ok) return fail(link.reason);
  const slugs = await db.$transaction(async (tx) => {
    const under = await retireComments(tx, { guestId: link.guestId }, policy);
    // Subscriptions, pending follow mails and links go with the address (onDelete: Cascade).
    await tx.guest.deleteMany({ where: { id: link.guestId } });
    return under;
  });
  // The guest's name and words showed under these articles only.
  void expireDiscussions(db, ...slugs);
  return { ok: true };
}
