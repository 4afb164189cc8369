import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { AuthPage } from "@/components/account/AuthPage";
import { ClaimGuestCommentsForm } from "@/components/guests/GuestDataForms";
import { getCurrentUser } from "@/lib/accounts/session";
import { claimableGuestComments } from "@/lib/guests/claim";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Auth"))("confirmTitle") };
}

const FAILURES = ["invalid", "expired", "used", "emailTaken"] as const;

export default async function ConfirmationPage({ searchParams }: { searchParams: Promise<{ ergebnis?: string }> }) {
  const outcome = (await searchParams).ergebnis;
  const [t, tForms, user] = await Promise.all([getTranslations("Auth"), getTranslations("Forms"), getCurrentUser()]);
  const failure = FAILURES.find((key) => key === outcome);
  const success = outcome === "bestaetigt" ? t("confirmedEmail") : outcome === "geaendert" ? t("confirmedChange") : null;
  // A freshly verified address may be one its owner wrote under as a guest: offer those comments at once.
  const guestComments = success && user ? await claimableGuestComments({ user }) : 0;
  return (
    <AuthPage title={t("confirmTitle")}>
      <div className="space-y-4 font-sans">
        <p role={success ? "status" : "alert"} className={success ? "text-green-900" : "text-red-900"}>
          {success ?? tForms(failure ?? "invalid")}
        </p>
        {guestComments > 0 && <ClaimGuestCommentsForm count={guestComments} />}
        {/* Following the link confirms the address but signs nobody in: the mail may be opened anywhere. */}
        <Link href={user ? "/konto" : "/anmelden?callbackUrl=%2Fkonto"} className="font-semibold text-accent underline">
          {user ? t("toAccount") : t("signInLink")}
        </Link>
      </div>
    </AuthPage>
  );
}
