import { rolesWith } from "@/lib/accounts/permissions";
import { unsubscribeLink } from "@/lib/accounts/unsubscribe";
import type { Db } from "@/lib/db/client";
import { translatorFor } from "@/lib/i18n/translator";
import { mailOrigin, sendCourtesyMail } from "@/lib/mail/courtesy";
import { shorten } from "@/lib/text/shorten";

const DIGEST_KEY = "moderation.digestSentAt";
const EVERY_HOURS = 24;

/** The editors' digest: how many comments wait, the oldest few, and where to work through them. */
export async function sendPendingDigest(db: Db, origin?: string): Promise<number> {
  const [pending, reported, editors] = await Promise.all([
    db.comment.count({ where: { status: "PENDING" } }),
    db.report.count({ where: { status: "OPEN" } }),
    db.user.findMany({
      where: { notifyDigest: true, role: { in: rolesWith("comments.speakForNewsroom") }, email: { not: null } },
      select: { id: true, email: true, name: true, locale: true },
    }),
  ]);
  if (pending + reported === 0) return 0;
  const oldest = await db.comment.findMany({
    where: { status: "PENDING" },
    orderBy: { createdAt: "asc" },
    take: 5,
    select: { body: true, author: { select: { name: true } }, article: { select: { title: true } } },
  });
  const base = mailOrigin(origin);
  for (const editor of editors) {
    const { t } = translatorFor(editor.locale);
    const unsubscribe = unsubscribeLink(base, editor.id, "digest");
    const text = [
      t("Mail.greeting", { name: editor.name ?? editor.email ?? "" }),
      "",
      t("Notifications.digestBody", { pending, reported }),
      "",
      ...oldest.map((c) => `– ${c.author?.name ?? "?"} (${c.article.title}): ${shorten(c.body.replace(/\s+/g, " "), 100)}`),
      "",
      `${base}/moderation`,
      "",
      t("Notifications.unsubscribe", { link: unsubscribe }),
      "",
      t("Mail.signature"),
    ].join("\n");
    await sendCourtesyMail(editor.email!, t("Notifications.digestSubject", { pending }), text, { "List-Unsubscribe": `<${unsubscribe}>` });
  }
  return editors.length;
}

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
