import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";

import { isPermanentBan } from "@/lib/moderation/policy";

import { reasonFormatter } from "./reasonText";

/** What a blocked reader sees instead of the comment form: until when, why, and where to appeal. */
export async function BanNotice({ until, reason }: { until: Date; reason: string | null }) {
  const [t, format, reasonText] = await Promise.all([
    getTranslations("Comments"),
    getFormatter(),
    reasonFormatter().then((describe) => describe(reason)),
  ]);
  return (
    <div role="status" className="mt-6 space-y-1 rounded border border-red-700 bg-red-50 p-4 font-sans text-sm text-red-950">
      <p className="font-semibold">
        {isPermanentBan(until)
          ? t("bannedForever")
          : t("bannedUntil", { until: format.dateTime(until, { dateStyle: "long", timeStyle: "short" }) })}
      </p>
      {reasonText && <p>{t("banReason", { reason: reasonText })}</p>}
      <p>
        {t("banAppeal")}{" "}
        <Link href="/konto/mitteilungen" className="font-semibold underline">
          {t("noticesLink")}
        </Link>
        .
      </p>
    </div>
  );
}
