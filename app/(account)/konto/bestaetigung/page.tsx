import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthPage } from "@/components/account/AuthPage";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Auth"))("confirmTitle") };
}

const FAILURES = ["invalid", "expired", "used", "emailTaken"] as const;

export default async function ConfirmationPage({ searchParams }: { searchParams: Promise<{ ergebnis?: string }> }) {
  const outcome = (await searchParams).ergebnis;
  const [t, tForms] = await Promise.all([getTranslations("Auth"), getTranslations("Forms")]);
  const failure = FAILURES.find((key) => key === outcome);
  const success = outcome === "bestaetigt" ? t("confirmedEmail") : outcome === "geaendert" ? t("confirmedChange") : null;
  return (
    <AuthPage title={t("confirmTitle")}>
      <div className="space-y-4 font-sans">
        <p role={success ? "status" : "alert"} className={success ? "text-green-900" : "text-red-900"}>
          {success ?? tForms(failure ?? "invalid")}
        </p>
        <Link href="/konto" className="font-semibold text-accent underline">
          {t("toAccount")}
        </Link>
      </div>
    </AuthPage>
  );
}
