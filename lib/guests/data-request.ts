import { db as appDb, type Db } from "@/lib/db/client";
import { translatorFor } from "@/lib/i18n/translator";
import { sendMail } from "@/lib/mail/transport";

import { GUEST_PATHS, guestLink } from "./paths";
import { issueGuestToken, normaliseGuestEmail } from "./tokens";

export type GuestDataIntent = "export" | "delete";

/**
 * Mails a link to download or delete what is stored under a guest address, when anything is. The
 * caller answers the same either way (no one learns whether an address wrote here), and calls this
 * after the answer, so the time it takes does not tell either. Returns whether a mail went out.
 */
export async function requestGuestData({
  db = appDb(),
  email,
  intent,
  origin,
}: {
  db?: Db;
  email: string;
  intent: GuestDataIntent;
  origin: string;
}): Promise<boolean> {
  const guest = await db.guest.findUnique({
    where: { email: normaliseGuestEmail(email) },
    select: { id: true, email: true, locale: true },
  });
  if (!guest) return false;
  const token = await issueGuestToken({ db, guestId: guest.id, purpose: intent === "export" ? "EXPORT_DATA" : "DELETE_DATA" });
  const { t } = translatorFor(guest.locale);
  const mail = intent === "export" ? "exportMail" : "deleteMail";
  const text = [
    t("GuestData.mailGreeting"),
    t(`GuestData.${mail}.body`),
    guestLink(origin, GUEST_PATHS.data, token),
    t(`GuestData.${mail}.footer`),
    t("Mail.signature"),
  ].join("\n\n");
  await sendMail({ to: guest.email, subject: t(`GuestData.${mail}.subject`), text });
  return true;
}
