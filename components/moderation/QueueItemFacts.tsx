import { useTranslations } from "next-intl";

import type { QueueItemView } from "./queue-item-view";

/** What an editor needs to decide: why the comment is in the queue, and the author's record. */
export function QueueItemFacts({ item }: { item: QueueItemView }) {
  const t = useTranslations("Moderation");
  return (
    <div className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
      <div>
        <p className="font-semibold">{t("why")}</p>
        <ul className="mt-1 list-disc pl-5">
          {item.reasons.map((reason, i) => (
            <li key={i}>{reason}</li>
          ))}
          {item.reports.map((report, i) => (
            <li key={`r${i}`}>
              {report.reason}
              {report.details && <span className="text-muted"> – „{report.details}“</span>}
            </li>
          ))}
          {item.reasons.length === 0 && item.reports.length === 0 && <li className="text-muted">{t("noReason")}</li>}
        </ul>
        {item.reports.length > 0 && <p className="mt-1 font-semibold text-red-900">{t("reports", { count: item.reports.length })}</p>}
      </div>
      {item.author && (
        <div>
          <p className="font-semibold">{t("author")}</p>
          <p className="mt-1 break-all">{item.author.email}</p>
          <p className="text-muted">{item.author.record}</p>
          {item.author.actions > 0 && <p className="text-red-900">{t("previousActions", { count: item.author.actions })}</p>}
          <a href={item.author.peopleHref} className="underline hover:text-accent">
            {t("users")} →
          </a>
        </div>
      )}
    </div>
  );
}
