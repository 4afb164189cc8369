import { db as appDb, type Db, type Role } from "@/lib/db/client";

import { may } from "./permissions";

/** The mails a person may switch on or off: answers to their comments, and the newsroom's daily digest of the queue. */
export interface NotificationPreferences {
  notifyReplies: boolean;
  notifyDigest: boolean;
}

/** Which notification mails a person asked for (their account page shows the switches). */
export async function notificationPrefs({ db = appDb(), userId }: { db?: Db; userId: string }): Promise<NotificationPreferences> {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { notifyReplies: true, notifyDigest: true } });
}

/**
 * Switches a person's mails. The digest is of the moderation queue: for anyone outside the newsroom it
 * stays off. A mail's unsubscribe link only switches off, and knows the person by id alone.
 */
export async function setNotificationPreferences({
  db = appDb(),
  person,
  preferences,
}: {
  db?: Db;
  person: { id: string; role?: Role };
  preferences: Partial<NotificationPreferences>;
}): Promise<void> {
  const data = { ...preferences };
  const newsroom = person.role !== undefined && may({ role: person.role }, "comments.speakForNewsroom");
  if (data.notifyDigest && !newsroom) data.notifyDigest = false;
  await db.user.updateMany({ where: { id: person.id }, data });
}
