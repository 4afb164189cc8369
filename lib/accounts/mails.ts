import { translatorFor } from "@/lib/i18n/translator";
import { sendMail } from "@/lib/mail/transport";

export type AccountMail = "verifyEmail" | "resetPassword" | "changeEmail";

/** Where a mailed link of each kind leads. */
const LINK_PATHS: Record<AccountMail, string> = {
  verifyEmail: "/konto/bestaetigen",
  changeEmail: "/konto/bestaetigen",
  resetPassword: "/passwort-zuruecksetzen",
};

export function accountLink(origin: string, mail: AccountMail, token: string): string {
  const url = new URL(LINK_PATHS[mail], origin);
  url.searchParams.set("token", token);
  return url.toString();
}

/** Sends one of the account mails in the recipient's language, as plain text with one link. */
export async function sendAccountMail(mail: AccountMail, to: { email: string; name: string | null; locale: string }, link: string) {
  const { t } = translatorFor(to.locale);
  const name = to.name ?? to.email;
  const text = [t("Mail.greeting", { name }), "", t(`Mail.${mail}.body`), "", link, "", t(`Mail.${mail}.footer`), "", t("Mail.signature")].join("\n");
  await sendMail({ to: to.email, subject: t(`Mail.${mail}.subject`), text });
}
