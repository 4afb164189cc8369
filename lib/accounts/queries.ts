import { db as appDb, type Db } from "@/lib/db/client";

/** Which notification mails a person asked for (their account page shows the switches). */
export async function notificationPrefs({ db = appDb(), userId }: { db?: Db; userId: string }) {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { notifyReplies: true, notifyDigest: true } });
}
