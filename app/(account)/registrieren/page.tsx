import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";

import { AuthPage } from "@/components/account/AuthPage";
import { OAuthButtons } from "@/components/account/OAuthButtons";
import { SignUpForm } from "@/components/account/SignUpForm";
import { getCurrentUser } from "@/lib/accounts/session";
import { safeReturnPath } from "@/lib/http/request";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Auth"))("signUpTitle") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl, "");
  if (await getCurrentUser()) redirect(callbackUrl || "/konto");
  const t = await getTranslations("Auth");
  return (
    <AuthPage
      title={t("signUpTitle")}
      intro={t("signUpIntro")}
      footer={
        <p>
          {t("haveAccount")}{" "}
          <Link
            href={`/anmelden${callbackUrl ? `?callbackUrl=${encodeURIComponent(callbackUrl)}` : ""}`}
            className="font-semibold text-accent underline"
          >
            {t("signInLink")}
          </Link>
        </p>
      }
    >
      <SignUpForm>
        <OAuthButtons callbackUrl={callbackUrl || "/"} />
      </SignUpForm>
    </AuthPage>
  );
}
