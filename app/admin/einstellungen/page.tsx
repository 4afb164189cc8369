import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { SettingsForm } from "@/components/admin/SettingsForm";
import { requirePermission } from "@/lib/accounts/session";
import { readSiteSettings } from "@/lib/settings/site";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Settings"))("title") };
}

/** Site, comment and moderation settings in one place (ADMIN). */
export default async function SettingsPage() {
  await requirePermission("settings.manage", "/admin/einstellungen");
  const [t, settings] = await Promise.all([getTranslations("Settings"), readSiteSettings()]);
  return (
    <div className="mx-auto max-w-3xl py-6">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 font-sans text-muted">{t("intro")}</p>
      <SettingsForm settings={settings} />
    </div>
  );
}
