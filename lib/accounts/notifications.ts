import { db as appDb, type Db, type Role } from "@/lib/db/client";

import { may } from "./permissions";

/** Which notification mails a person asked for (their account page shows the switches). */
export async function notificationPrefs({ db = appDb(), userId }: { db?: Db; userId: string }) {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { notifyReplies: true, notifyDigest: true } });
}

/** Saves the switches; the moderation digest is for those who get it at all (the newsroom). */
export async function setNotificationPrefs({
  db = appDb(),
  user,
  replies,
  digest,
}: {
  db?: Db;
  user: { id: string; role: Role };
  replies: boolean;
  digest: boolean;
}) {
  await db.user.update({
    where: { id: user.id },
    data: { notifyReplies: replies, notifyDigest: digest && may(user, "comments.speakForNewsroom") },
  });
}
