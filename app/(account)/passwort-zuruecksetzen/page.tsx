import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { AuthPage } from "@/components/account/AuthPage";
import { ResetPasswordForm } from "@/components/account/PasswordResetForms";
import { inspectToken } from "@/lib/accounts/tokens";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Auth"))("resetTitle") };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const token = (await searchParams).token ?? "";
  const [t, tForms] = await Promise.all([getTranslations("Auth"), getTranslations("Forms")]);
  // The link is checked before the form is shown, and used up only when the new password is saved.
  const checked = token ? await inspectToken({ token, purpose: "RESET_PASSWORD" }) : ({ ok: false, reason: "invalid" } as const);
  return (
    <AuthPage title={t("resetTitle")}>
      {checked.ok ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="space-y-4 font-sans">
          <p role="alert" className="text-red-900">
            {tForms(checked.reason)}
          </p>
          <Link href="/passwort-vergessen" className="font-semibold text-accent underline">
            {t("requestNewLink")}
          </Link>
        </div>
      )}
    </AuthPage>
  );
}
