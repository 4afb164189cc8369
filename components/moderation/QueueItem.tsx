"use client";

import { useTranslations } from "next-intl";

import type { Queue } from "@/lib/moderation/queues";

import { DecisionButtons } from "./DecisionButtons";
import { ModeratorEditForm } from "./ModeratorEditForm";
import type { QueueFormAction, QueueItemView } from "./queue-item-view";
import { QueueItemFacts } from "./QueueItemFacts";
import { QueueItemHeader } from "./QueueItemHeader";
import { RejectForm } from "./RejectForm";

/** One comment of the queue with everything needed to decide on it, focusable so the keys act on it. */
export function QueueItem({
  queue,
  item,
  active,
  selected,
  rejecting,
  editing,
  formAction,
  pending,
  onFocus,
  onToggleSelected,
  onRejecting,
  onEditing,
}: {
  queue: Queue;
  item: QueueItemView;
  active: boolean;
  selected: boolean;
  rejecting: boolean;
  editing: boolean;
  formAction: QueueFormAction;
  pending: boolean;
  onFocus: () => void;
  onToggleSelected: () => void;
  onRejecting: (open: boolean) => void;
  onEditing: (open: boolean) => void;
}) {
  const t = useTranslations("Moderation");
  return (
    <article
      data-queue-item
      tabIndex={-1}
      aria-labelledby={`item-${item.id}-author`}
      onFocus={onFocus}
      className={`rounded border bg-white p-4 outline-none ${active ? "border-accent ring-2 ring-accent/40" : "border-rule"}`}
    >
      <QueueItemHeader item={item} selected={selected} onToggle={onToggleSelected} />

      {item.parent && (
        <blockquote className="mt-2 border-l-4 border-stone-300 pl-3 text-sm text-muted">
          <span className="font-semibold">{t("inReplyTo", { name: item.parent.author })}</span> {item.parent.excerpt}
        </blockquote>
      )}

      {editing ? (
        <ModeratorEditForm
          commentId={item.id}
          body={item.body}
          formAction={formAction}
          pending={pending}
          onCancel={() => onEditing(false)}
        />
      ) : (
        <div
          className="prose prose-sm mt-2 max-w-none font-serif prose-a:text-accent"
          dangerouslySetInnerHTML={{ __html: item.bodyHtml }}
        />
      )}

      <QueueItemFacts item={item} />

      <DecisionButtons
        queue={queue}
        item={item}
        formAction={formAction}
        pending={pending}
        rejecting={rejecting}
        onToggleRejection={() => onRejecting(!rejecting)}
        onEdit={() => onEditing(true)}
      />

      {rejecting && <RejectForm commentId={item.id} formAction={formAction} pending={pending} onClose={() => onRejecting(false)} />}
    </article>
  );
}
