"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { QUEUE_SLUGS, QUEUES, type Queue } from "@/lib/moderation/queues";

/** Tabs of the moderation area; the queues show how many comments wait in each. */
export function ModerationNav({ counts, admin }: { counts: Record<Queue, number>; admin: boolean }) {
  const t = useTranslations("Moderation");
  const path = usePathname();
  const tab = "rounded-t border-b-2 px-3 py-2 text-sm font-semibold whitespace-nowrap";
  const link = (href: string, label: React.ReactNode, key: string) => {
    const current = path === href || path.startsWith(`${href}/`);
    return (
      <li key={key}>
        <Link href={href} aria-current={current ? "page" : undefined} className={`${tab} block ${current ? "border-accent text-accent" : "border-transparent hover:border-stone-400"}`}>
          {label}
        </Link>
      </li>
    );
  };
  return (
    <nav aria-label={t("areaNav")} className="mt-4 overflow-x-auto border-b border-rule">
      <ul className="flex gap-1">
        {QUEUES.map((queue) =>
          link(
            `/moderation/${QUEUE_SLUGS[queue]}`,
            <>
              {t(`queue.${queue}`)}{" "}
              <span className={`ml-1 rounded-full px-1.5 text-xs ${counts[queue] > 0 && (queue === "pending" || queue === "reported") ? "bg-accent text-white" : "bg-stone-200 text-ink"}`}>{counts[queue]}</span>
            </>,
            queue,
          ),
        )}
        {link("/moderation/personen", t("users"), "users")}
        {link("/moderation/protokoll", t("log"), "log")}
        {admin && link("/admin/einstellungen", t("settings"), "settings")}
      </ul>
    </nav>
  );
}
