"use client";

import { useTranslations } from "next-intl";

import { QUEUE_BUTTON, type QueueFormAction } from "./queue-item-view";
import { ReasonOptions } from "./ReasonOptions";

/** One decision for every selected comment; each item's checkbox belongs to this form (form="bulk-form"). */
export function BulkDecisionForm({
  total,
  selected,
  onSelectAll,
  formAction,
  pending,
}: {
  total: number;
  selected: number;
  onSelectAll: (all: boolean) => void;
  formAction: QueueFormAction;
  pending: boolean;
}) {
  const t = useTranslations("Moderation");
  return (
    <form
      id="bulk-form"
      action={formAction}
      className="mt-2 flex flex-wrap items-center gap-2 rounded border border-rule bg-stone-50 p-3 text-sm"
    >
      <label className="mr-2 flex items-center gap-2">
        <input type="checkbox" checked={selected === total} onChange={(event) => onSelectAll(event.target.checked)} className="size-4" />
        {t("selectAll")}
      </label>
      <span className="mr-2 text-muted">{t("selected", { count: selected })}</span>
      <button
        type="submit"
        name="decision"
        value="approve"
        disabled={pending || selected === 0}
        className={`${QUEUE_BUTTON} border-green-800 text-green-900 hover:bg-green-50`}
      >
        {t("bulkApprove")}
      </button>
      <button
        type="submit"
        name="decision"
        value="spam"
        disabled={pending || selected === 0}
        className={`${QUEUE_BUTTON} border-stone-500 hover:bg-stone-100`}
      >
        {t("bulkSpam")}
      </button>
      <label className="sr-only" htmlFor="bulk-reason">
        {t("bulkReason")}
      </label>
      <select id="bulk-reason" name="reason" defaultValue="" className="rounded border border-stone-400 bg-white px-2 py-1.5">
        <option value="">{t("chooseReason")}</option>
        <ReasonOptions />
      </select>
      <button
        type="submit"
        name="decision"
        value="reject"
        disabled={pending || selected === 0}
        className={`${QUEUE_BUTTON} border-red-800 text-red-900 hover:bg-red-50`}
      >
        {t("bulkReject")}
      </button>
    </form>
  );
}
