import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireRole, STAFF_ROLES } from "@/lib/accounts/session";
import { db } from "@/lib/db/client";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Moderation"))("title") };
}

/** The moderators' start page: what is waiting for a decision. */
export default async function ModerationPage() {
  await requireRole(STAFF_ROLES, "/moderation");
  const [t, pending, reported] = await Promise.all([
    getTranslations("Moderation"),
    db().comment.count({ where: { status: "PENDING" } }),
    db().report.count({ where: { status: "OPEN" } }),
  ]);
  return (
    <div className="py-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 font-sans text-muted">{t("intro")}</p>
      <ul className="mt-6 space-y-2 font-sans">
        <li className="rounded border border-rule bg-white p-4">{t("pending", { count: pending })}</li>
        <li className="rounded border border-rule bg-white p-4">{t("reported", { count: reported })}</li>
      </ul>
    </div>
  );
}
