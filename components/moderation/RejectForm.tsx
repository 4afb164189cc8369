"use client";

import { useTranslations } from "next-intl";

import { QUEUE_BUTTON, type QueueFormAction } from "./queue-item-view";
import { ReasonOptions } from "./ReasonOptions";

/** Rejecting one comment: a reason is required (Enter submits it), a note is optional, Escape closes. */
export function RejectForm({
  commentId,
  formAction,
  pending,
  onClose,
}: {
  commentId: string;
  formAction: QueueFormAction;
  pending: boolean;
  onClose: () => void;
}) {
  const t = useTranslations("Moderation");
  return (
    <form id={`reject-${commentId}`} action={formAction} className="mt-3 space-y-2 rounded border border-red-200 bg-red-50 p-3 text-sm">
      <fieldset>
        <legend className="font-semibold">{t("rejectLegend")}</legend>
        <input type="hidden" name="commentId" value={commentId} />
        <input type="hidden" name="decision" value="reject" />
        <label htmlFor={`reason-${commentId}`} className="mt-2 block">
          {t("reason")}
        </label>
        <select
          id={`reason-${commentId}`}
          name="reason"
          required
          defaultValue=""
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            } else if (event.key === "Escape") onClose();
          }}
          className="mt-1 rounded border border-stone-400 bg-white px-2 py-1.5"
        >
          <option value="">{t("chooseReason")}</option>
          <ReasonOptions />
        </select>
        <label htmlFor={`note-${commentId}`} className="mt-2 block">
          {t("note")}
        </label>
        <textarea
          id={`note-${commentId}`}
          name="note"
          rows={2}
          maxLength={1000}
          className="mt-1 block w-full rounded border border-stone-400 bg-white px-2 py-1.5"
        />
      </fieldset>
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className={`${QUEUE_BUTTON} border-red-800 bg-red-800 text-white hover:bg-red-900`}>
          {t("rejectSubmit")}
        </button>
        <button type="button" onClick={onClose} className={`${QUEUE_BUTTON} border-stone-400 bg-white`}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
