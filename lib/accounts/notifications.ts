import type { Db, Role } from "@/lib/db/client";

import { may } from "./permissions";

/** The mails a person may switch on or off: answers to their comments, and the newsroom's daily digest of the queue. */
export interface NotificationPreferences {
  notifyReplies: boolean;
  notifyDigest: boolean;
}

/**
 * Switches a person's mails. The digest is of the moderation queue: for anyone outside the newsroom it
 * stays off. A mail's unsubscribe link only switches off, and knows the person by id alone.
 */
export async function setNotificationPreferences(
  db: Db,
  person: { id: string; role?: Role },
  preferences: Partial<NotificationPreferences>,
): Promise<void> {
  const data = { ...preferences };
  const newsroom = person.role !== undefined && may({ role: person.role }, "comments.speakForNewsroom");
  if (data.notifyDigest && !newsroom) data.notifyDigest = false;
  await db.user.updateMany({ where: { id: person.id }, data });
}
