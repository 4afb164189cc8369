import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { Notice } from "@/components/ui/Notice";
import { GUEST_PATHS } from "@/lib/guests/paths";
import type { FormsKey } from "@/lib/i18n/keys";

/** A mailed link that no longer works (used, expired, or never was one): why, and the way to a new one. */
export async function GuestLinkFailed({ reason }: { reason: FormsKey }) {
  const [t, tForms] = await Promise.all([getTranslations("GuestData"), getTranslations("Forms")]);
  return (
    <Notice title={t("linkFailedTitle")}>
      <p role="alert">{tForms(reason)}</p>
      <p>
        <Link href={GUEST_PATHS.data} className="font-semibold text-accent underline">
          {t("requestAgain")}
        </Link>
      </p>
    </Notice>
  );
}

/** What a guest link's button did, on the page it lands on. */
export async function GuestLinkDone({ message }: { message: "dataDeleted" | "commentDeleted" }) {
  const t = await getTranslations("GuestData");
  return (
    <Notice title={message === "dataDeleted" ? t("deleteTitle") : t("commentTitle")}>
      <p role="status" className="text-green-900">
        {t(message)}
      </p>
      <p>
        <Link href="/" className="font-semibold text-accent underline">
          {t("toHome")}
        </Link>
      </p>
    </Notice>
  );
}

/** The button behind an export link: a plain form, so the browser saves the answer as a file. */
export async function GuestExportButton({ token }: { token: string }) {
  const t = await getTranslations("GuestData");
  return (
    <form method="post" action={`${GUEST_PATHS.data}/export`}>
      <input type="hidden" name="token" value={token} />
      <button type="submit" className="rounded bg-ink px-4 py-2 font-sans text-sm font-semibold text-white hover:bg-accent">
        {t("download")}
      </button>
    </form>
  );
}
