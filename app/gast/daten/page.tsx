import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AuthPage } from "@/components/account/AuthPage";
import { DeleteGuestDataForm, GuestDataRequestForm } from "@/components/guests/GuestDataForms";
import { GuestExportButton, GuestLinkDone, GuestLinkFailed } from "@/components/guests/GuestLinkPages";
import { guestDataSummary, inspectGuestDataLink } from "@/lib/guests/data";
import { getSiteSettings } from "@/lib/settings/site";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("GuestData"))("title"), robots: { index: false } };
}

const FAILURES = ["invalid", "expired", "used"] as const;

/**
 * A guest's data: without a link, the form that mails one; with an export or deletion link, what is
 * stored and the button that downloads or deletes it (the link is used up only by the button).
 */
export default async function GuestDataPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; geloescht?: string; fehler?: string }>;
}) {
  const params = await searchParams;
  if (params.geloescht) return <GuestLinkDone message="dataDeleted" />;
  const failed = FAILURES.find((reason) => reason === params.fehler);
  if (failed) return <GuestLinkFailed reason={failed} />;
  const t = await getTranslations("GuestData");
  if (!params.token) {
    return (
      <AuthPage title={t("title")} intro={t("intro")}>
        <GuestDataRequestForm />
      </AuthPage>
    );
  }
  const link = await inspectGuestDataLink({ token: params.token });
  if (!link.ok) return <GuestLinkFailed reason={link.reason} />;
  const summary = t("summary", { email: link.email, ...(await guestDataSummary({ guestId: link.guestId })) });
  if (link.purpose === "EXPORT_DATA") {
    return (
      <AuthPage title={t("exportTitle")}>
        <div className="space-y-4 font-sans text-sm">
          <p>{summary}</p>
          <p>{t("exportText")}</p>
          <GuestExportButton token={params.token} />
        </div>
      </AuthPage>
    );
  }
  const { deletedAccountComments } = await getSiteSettings();
  return (
    <AuthPage title={t("deleteTitle")}>
      <div className="space-y-4 font-sans text-sm">
        <p>{summary}</p>
        <p>{deletedAccountComments === "remove" ? t("deleteRemove") : t("deleteAnonymize")}</p>
        <p>{t("deleteRest")}</p>
        <DeleteGuestDataForm token={params.token} />
      </div>
    </AuthPage>
  );
}
