"use client";

import { useTranslations } from "next-intl";

import { QUEUE_BUTTON, type QueueFormAction } from "./queue-item-view";

/** A moderator's correction of a comment's text, in place of the rendered comment. */
export function ModeratorEditForm({
  commentId,
  body,
  formAction,
  pending,
  onCancel,
}: {
  commentId: string;
  body: string;
  formAction: QueueFormAction;
  pending: boolean;
  onCancel: () => void;
}) {
  const t = useTranslations("Moderation");
  return (
    <form action={formAction} className="mt-2 space-y-2">
      <input type="hidden" name="intent" value="edit" />
      <input type="hidden" name="commentId" value={commentId} />
      <label htmlFor={`edit-${commentId}`} className="block text-sm font-semibold">
        {t("editLabel")}
      </label>
      <textarea
        id={`edit-${commentId}`}
        name="body"
        defaultValue={body}
        rows={5}
        autoFocus
        className="block w-full rounded border border-stone-400 px-3 py-2"
      />
      <div className="flex gap-2">
        <button type="submit" disabled={pending} className={`${QUEUE_BUTTON} border-ink bg-ink text-white hover:bg-accent`}>
          {t("saveEdit")}
        </button>
        <button type="button" onClick={onCancel} className={`${QUEUE_BUTTON} border-stone-400`}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
