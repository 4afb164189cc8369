import { translatorFor } from "@/lib/i18n/translator";
import { sendMail } from "@/lib/mail/transport";

export type AccountMail = "verifyEmail" | "resetPassword" | "changeEmail";

type Recipient = { email: string; name: string | null; locale: string };
type Translate = ReturnType<typeof translatorFor>["t"];

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

/** A plain-text mail in the recipient's language: greeting, the given paragraphs, signature. */
async function sendInTheirLanguage(to: Recipient, mail: AccountMail | "accountExists", paragraphs: (t: Translate) => string[]) {
  const { t } = translatorFor(to.locale);
  const text = [t("Mail.greeting", { name: to.name ?? to.email }), ...paragraphs(t), t("Mail.signature")].join("\n\n");
  await sendMail({ to: to.email, subject: t(`Mail.${mail}.subject`), text });
}

/** Sends one of the account mails that carry a single link. */
export function sendAccountMail(mail: AccountMail, to: Recipient, link: string) {
  return sendInTheirLanguage(to, mail, (t) => [t(`Mail.${mail}.body`), link, t(`Mail.${mail}.footer`)]);
}

/**
 * Tells the owner of an address that someone tried to sign up with it, in place of the answer
 * "this address is taken" that the sign-up form must not give. Only the owner's own name is
 * used: nothing the person at the form typed reaches the mail.
 */
export function sendAccountExistsMail(to: Recipient, origin: string) {
  return sendInTheirLanguage(to, "accountExists", (t) => [
    t("Mail.accountExists.body"),
    `${t("Mail.accountExists.signIn")}\n${new URL("/anmelden", origin)}`,
    `${t("Mail.accountExists.reset")}\n${new URL("/passwort-vergessen", origin)}`,
    t("Mail.accountExists.footer"),
  ]);
}
