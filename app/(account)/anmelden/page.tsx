import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";

import { AuthPage } from "@/components/account/AuthPage";
import { OAuthButtons } from "@/components/account/OAuthButtons";
import { SignInForm } from "@/components/account/SignInForm";
import { getCurrentUser } from "@/lib/accounts/session";
import { safeReturnPath } from "@/lib/http/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Auth"))("signInTitle") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl: raw, error } = await searchParams;
  const callbackUrl = safeReturnPath(raw);
  if (await getCurrentUser()) redirect(callbackUrl);
  const [t, tForms] = await Promise.all([getTranslations("Auth"), getTranslations("Forms")]);
  return (
    <AuthPage
      title={t("signInTitle")}
      intro={t("signInIntro")}
      footer={
        <p>
          {t("noAccount")}{" "}
          <Link href={`/registrieren?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-semibold text-accent underline">
            {t("signUpLink")}
          </Link>
        </p>
      }
    >
      {/* Errors Auth.js reports by redirect, e.g. an OAuth e-mail that already has a password account. */}
      {error && (
        <p role="alert" className="mb-4 rounded border border-red-700 bg-red-50 px-3 py-2 font-sans text-sm text-red-900">
          {error === "OAuthAccountNotLinked" ? tForms("oauthAccountNotLinked") : tForms("unexpected")}
        </p>
      )}
      <SignInForm callbackUrl={callbackUrl} />
      <OAuthButtons callbackUrl={callbackUrl} />
    </AuthPage>
  );
}
