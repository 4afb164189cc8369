import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { DeleteAccountForm, EmailForm, NameForm, PasswordForm, ResendVerificationForm } from "@/components/account/AccountForms";
import { NotificationPrefsForm } from "@/components/account/NoticeForms";
import { ClaimGuestCommentsForm } from "@/components/guests/GuestDataForms";
import { notificationPrefs } from "@/lib/accounts/notifications";
import { may } from "@/lib/accounts/permissions";
import { requireUser } from "@/lib/accounts/session";
import { claimableGuestComments } from "@/lib/guests/claim";
import { getSiteSettings } from "@/lib/settings/site";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Account"))("title") };
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="border-t border-rule py-6">
      <h2 id={id} className="text-xl font-bold">
        {title}
      </h2>
      <div className="mt-3 space-y-3">{children}</div>
    </section>
  );
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ passwort?: string }> }) {
  const user = await requireUser("/konto");
  const params = await searchParams;
  const [t, tAuth, tRoles, settings, tNotify, tGuest, guestComments] = await Promise.all([
    getTranslations("Account"),
    getTranslations("Auth"),
    getTranslations("Roles"),
    getSiteSettings(),
    getTranslations("Notifications"),
    getTranslations("GuestData"),
    claimableGuestComments({ user }),
  ]);
  const prefs = await notificationPrefs({ userId: user.id });
  const notice = params.passwort ? tAuth("passwordResetDone") : null;
  return (
    <div className="mx-auto max-w-2xl py-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-1 font-sans text-sm text-muted">
        {user.name} · {t("role", { role: tRoles(user.role) })}
      </p>
      {notice && (
        <p role="status" className="mt-4 rounded border border-green-700 bg-green-50 px-3 py-2 font-sans text-sm text-green-900">
          {notice}
        </p>
      )}
      {!user.emailVerified && (
        <div className="mt-4 space-y-2 rounded border border-amber-600 bg-amber-50 p-4 font-sans text-sm text-amber-950">
          <p>{t("verifyBanner")}</p>
          <ResendVerificationForm />
        </div>
      )}

      <div className="mt-6">
        <Section id="profile" title={t("profile")}>
          <NameForm name={user.name ?? ""} />
        </Section>
        <Section id="email" title={t("emailSection")}>
          <p className="font-sans text-sm">
            {t("currentEmail", { email: user.email ?? "–" })} ({user.emailVerified ? t("verified") : t("unverified")})
          </p>
          <EmailForm />
        </Section>
        {guestComments > 0 && (
          <Section id="gast" title={tGuest("claimSection")}>
            <p className="font-sans text-sm">{tGuest("claimText", { email: user.email ?? "" })}</p>
            <ClaimGuestCommentsForm count={guestComments} />
          </Section>
        )}
        <Section id="password" title={t("passwordSection")}>
          <PasswordForm hasPassword={user.hasPassword} />
        </Section>
        <Section id="benachrichtigungen" title={tNotify("section")}>
          <NotificationPrefsForm replies={prefs.notifyReplies} digest={prefs.notifyDigest} staff={may(user, "comments.speakForNewsroom")} />
        </Section>
        <Section id="data" title={t("dataSection")}>
          <p className="font-sans text-sm">{t("exportText")}</p>
          <a
            href="/konto/export"
            download
            className="inline-block rounded border border-stone-400 bg-white px-4 py-2 font-sans text-sm font-semibold hover:border-ink"
          >
            {t("export")}
          </a>
        </Section>
        <Section id="delete" title={t("deleteSection")}>
          <p className="font-sans text-sm">{settings.deletedAccountComments === "remove" ? t("deleteRemove") : t("deleteAnonymize")}</p>
          <p className="font-sans text-sm">{t("deleteFinal")}</p>
          <DeleteAccountForm />
        </Section>
      </div>
    </div>
  );
}
