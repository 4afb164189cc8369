"use client";

import { useTranslations } from "next-intl";

import { TabNav } from "@/components/ui/TabNav";

/** Tabs of the admin area: the newsroom's articles, the import, people and settings. */
export function AdminNav() {
  const t = useTranslations("Admin");
  return (
    <TabNav
      label={t("areaNav")}
      tabs={[
        { href: "/admin/artikel", label: t("nav.articles") },
        { href: "/admin/rubriken", label: t("nav.sections") },
        { href: "/admin/import", label: t("nav.import") },
        { href: "/admin/benutzer", label: t("nav.users") },
        { href: "/admin/einstellungen", label: t("nav.settings") },
      ]}
    />
  );
}
