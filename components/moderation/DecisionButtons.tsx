"use client";

import { useTranslations } from "next-intl";

import type { Queue } from "@/lib/moderation/queues";

import { QUEUE_BUTTON, type QueueFormAction, type QueueItemView } from "./queue-item-view";

/**
 * One comment's decisions. Approve, spam and feature are ordinary submit buttons; the keys a, s
 * and f press them (data-item-action, data-for). Reject and edit open their forms in the item.
 */
export function DecisionButtons({
  queue,
  item,
  formAction,
  pending,
  rejecting,
  onToggleRejection,
  onEdit,
}: {
  queue: Queue;
  item: QueueItemView;
  formAction: QueueFormAction;
  pending: boolean;
  rejecting: boolean;
  onToggleRejection: () => void;
  onEdit: () => void;
}) {
  const t = useTranslations("Moderation");
  return (
    <div className="mt-3 flex flex-wrap gap-2">
      <form action={formAction} className="contents">
        <input type="hidden" name="commentId" value={item.id} />
        {item.status !== "APPROVED" || item.reports.length > 0 ? (
          <button
            type="submit"
            name="decision"
            value="approve"
            data-item-action="approve"
            data-for={item.id}
            disabled={pending}
            className={`${QUEUE_BUTTON} border-green-800 bg-green-800 text-white hover:bg-green-900`}
          >
            {queue === "reported" ? t("keep") : t("approve")} <kbd className="ml-1 text-xs opacity-75">a</kbd>
          </button>
        ) : null}
        <button
          type="button"
          aria-expanded={rejecting}
          aria-controls={`reject-${item.id}`}
          onClick={onToggleRejection}
          className={`${QUEUE_BUTTON} border-red-800 text-red-900 hover:bg-red-50`}
        >
          {t("reject")} <kbd className="ml-1 text-xs opacity-75">r</kbd>
        </button>
        {item.status !== "SPAM" && (
          <button
            type="submit"
            name="decision"
            value="spam"
            data-item-action="spam"
            data-for={item.id}
            disabled={pending}
            className={`${QUEUE_BUTTON} border-stone-500 hover:bg-stone-100`}
          >
            {t("spam")} <kbd className="ml-1 text-xs opacity-75">s</kbd>
          </button>
        )}
      </form>
      {item.status === "APPROVED" && (
        <form action={formAction} className="contents">
          <input type="hidden" name="intent" value="feature" />
          <input type="hidden" name="commentId" value={item.id} />
          <input type="hidden" name="featured" value={item.featured ? "0" : "1"} />
          <button
            type="submit"
            data-item-action="feature"
            data-for={item.id}
            disabled={pending}
            className={`${QUEUE_BUTTON} border-accent text-accent hover:bg-highlight`}
          >
            {item.featured ? t("unfeature") : t("feature")} <kbd className="ml-1 text-xs opacity-75">f</kbd>
          </button>
        </form>
      )}
      <button type="button" onClick={onEdit} className={`${QUEUE_BUTTON} border-stone-400 hover:bg-stone-100`}>
        {t("edit")}
      </button>
    </div>
  );
}
