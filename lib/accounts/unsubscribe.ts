import { db as appDb, type Db } from "@/lib/db/client";

import { setNotificationPreferences } from "./notifications";
import { hasValidSignature, signValue } from "./secret";

/** The one-click unsubscribe links in notification mails: signed, so that nobody else's can be made. */
export type UnsubscribeTopic = "replies" | "digest";

const UNSUBSCRIBE = "unsubscribe";
const SIGNATURE_LENGTH = 32;

export function unsubscribeLink(origin: string, userId: string, topic: UnsubscribeTopic): string {
  const url = new URL("/benachrichtigungen/abbestellen", origin);
  url.searchParams.set("u", userId);
  url.searchParams.set("thema", topic);
  url.searchParams.set("sig", signValue(UNSUBSCRIBE, `${topic}:${userId}`, SIGNATURE_LENGTH));
  return url.toString();
}

export function verifyUnsubscribe(userId: string, topic: string, signature: string): topic is UnsubscribeTopic {
  if (topic !== "replies" && topic !== "digest") return false;
  return hasValidSignature(UNSUBSCRIBE, `${topic}:${userId}`, signature, SIGNATURE_LENGTH);
}

/** Follows a signed unsubscribe link: the topic switched off, or null for a link nobody signed. No sign-in is needed. */
export async function followUnsubscribeLink({
  db = appDb(),
  userId,
  topic,
  signature,
}: {
  db?: Db;
  userId: string;
  topic: string;
  signature: string;
}): Promise<UnsubscribeTopic | null> {
  if (!verifyUnsubscribe(userId, topic, signature)) return null;
  await setNotificationPreferences({
    db,
    person: { id: userId },
    preferences: topic === "replies" ? { notifyReplies: false } : { notifyDigest: false },
  });
  return topic;
}
