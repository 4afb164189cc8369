"use client";

import { useTranslations } from "next-intl";

import type { QueueItemView } from "./queue-item-view";

/** Who wrote the comment, when, under which article, in which state; with its checkbox of the bulk form. */
export function QueueItemHeader({ item, selected, onToggle }: { item: QueueItemView; selected: boolean; onToggle: () => void }) {
  const t = useTranslations("Moderation");
  return (
    <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
      <input
        type="checkbox"
        form="bulk-form"
        name="commentIds"
        value={item.id}
        checked={selected}
        onChange={onToggle}
        aria-label={t("select", { name: item.author?.name ?? "–" })}
        className="size-4 self-center"
      />
      <span id={`item-${item.id}-author`} className="font-semibold">
        {item.author?.name ?? "–"}
      </span>
      {item.author?.banned && <span className="rounded bg-red-100 px-1.5 text-xs font-semibold text-red-900">{t("bannedBadge")}</span>}
      {item.author?.premoderated && (
        <span className="rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-950">{t("premoderatedBadge")}</span>
      )}
      {item.featured && <span className="rounded bg-accent px-1.5 text-xs font-semibold text-white">{t("feature")}</span>}
      <a href={item.permalink} className="text-muted hover:text-accent">
        <time dateTime={item.createdAt}>{item.createdLabel}</time>
      </a>
      <span className="text-muted">
        {t("onArticle")}{" "}
        <a href={item.article.href} className="underline hover:text-accent">
          {item.article.title}
        </a>
      </span>
      <span className="text-muted">{t("statusLabel", { status: t(`status.${item.status}`) })}</span>
    </header>
  );
}
