import type { Db } from "@/lib/db/client";

import { sendPendingDigest } from "./mails";

const DIGEST_KEY = "moderation.digestSentAt";
const EVERY_HOURS = 24;

/**
 * Sends the editors' daily digest once a day, whichever app instance gets there first:
 * an instance claims the day by moving a timestamp in one conditional statement.
 */
export async function sendDigestIfDue(db: Db, now = new Date(), origin?: string): Promise<boolean> {
  const stamp = JSON.stringify(now.toISOString());
  const claimed = await db.$executeRaw`
    INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES (${DIGEST_KEY}, ${stamp}::jsonb, ${now})
    ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "updatedAt" = EXCLUDED."updatedAt"
    WHERE ("Setting"."value" #>> '{}')::timestamptz <= ${now}::timestamptz - make_interval(hours => ${EVERY_HOURS - 1})`;
  if (claimed === 0) return false;
  await sendPendingDigest(db, origin);
  return true;
}

let timer: NodeJS.Timeout | undefined;

/** Checks hourly whether the digest is due; started once per server process. */
export function startDigestSchedule(db: () => Db) {
  if (timer) return;
  timer = setInterval(() => {
    sendDigestIfDue(db()).catch((error) => console.error("[digest] failed:", error));
  }, 60 * 60_000);
  timer.unref();
}
