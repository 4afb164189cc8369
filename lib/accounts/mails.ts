import { createTranslator } from "next-intl";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { sendMail } from "@/lib/mail/transport";
import de from "@/messages/de.json";
import en from "@/messages/en.json";

const MESSAGES = { de, en } as const;

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
  const locale: Locale = isLocale(to.locale) ? to.locale : "de";
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "Mail" });
  const name = to.name ?? to.email;
  const text = [t("greeting", { name }), "", t(`${mail}.body`), "", link, "", t(`${mail}.footer`), "", t("signature")].join("\n");
  await sendMail({ to: to.email, subject: t(`${mail}.subject`), text });
}
