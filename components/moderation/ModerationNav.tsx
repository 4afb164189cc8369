"use client";

import { useTranslations } from "next-intl";

import { TabNav } from "@/components/ui/TabNav";
import { QUEUE_SLUGS, QUEUES, type Queue } from "@/lib/moderation/queues";

/** Tabs of the moderation area; the queues show how many comments wait in each. */
export function ModerationNav({ counts, admin }: { counts: Record<Queue, number>; admin: boolean }) {
  const t = useTranslations("Moderation");
  const queueTabs = QUEUES.map((queue) => ({
    href: `/moderation/${QUEUE_SLUGS[queue]}`,
    label: (
      <>
        {t(`queue.${queue}`)}{" "}
        <span
          className={`ml-1 rounded-full px-1.5 text-xs ${counts[queue] > 0 && (queue === "pending" || queue === "reported") ? "bg-accent text-white" : "bg-stone-200 text-ink"}`}
        >
          {counts[queue]}
        </span>
      </>
    ),
  }));
  return (
    <TabNav
      label={t("areaNav")}
      tabs={[
        ...queueTabs,
        { href: "/moderation/personen", label: t("users") },
        { href: "/moderation/protokoll", label: t("log") },
        ...(admin ? [{ href: "/admin/einstellungen", label: t("settings") }] : []),
      ]}
    />
  );
}
