"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";

import { queueAction } from "@/actions/moderation";
import { initialFormState } from "@/lib/forms/state";
import type { Queue } from "@/lib/moderation/queues";

import { BulkDecisionForm } from "./BulkDecisionForm";
import type { QueueItemView } from "./queue-item-view";
import { QueueHelp, ShortcutsHint } from "./QueueHelp";
import { QueueItem } from "./QueueItem";
import { useQueueShortcuts } from "./useQueueShortcuts";

/**
 * A queue an editor can work without the mouse: j/k move between comments, a approves, r opens
 * the rejection with its reason list, s files as spam, f features, x selects, ? shows the keys.
 * Every control is also an ordinary form that works with a pointer (and without JavaScript).
 */
export function ModerationQueue({ queue, items }: { queue: Queue; items: QueueItemView[] }) {
  const t = useTranslations("Moderation");
  const tForms = useTranslations("Forms");
  const [state, formAction, pending] = useActionState(queueAction, initialFormState);
  const [active, setActive] = useState(-1);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const listRef = useRef<HTMLOListElement>(null);
  const helpRef = useRef<HTMLDialogElement>(null);
  const itemIds = items.map((item) => item.id).join(",");

  // After a decision the comment leaves the queue: keep the place, so the next one is ready.
  const [seenIds, setSeenIds] = useState(itemIds);
  if (seenIds !== itemIds) {
    setSeenIds(itemIds);
    setActive((current) => Math.min(current, items.length - 1));
    setSelected((current) => new Set([...current].filter((id) => items.some((item) => item.id === id))));
    setRejecting(null);
    setEditing(null);
  }

  useEffect(() => {
    if (active < 0) return;
    const element = listRef.current?.querySelectorAll<HTMLElement>("[data-queue-item]")[active];
    if (element && !element.contains(document.activeElement)) element.focus();
  }, [active, itemIds]);

  useEffect(() => {
    if (!rejecting) return;
    document.getElementById(`reason-${rejecting}`)?.focus();
  }, [rejecting]);

  function toggle(id: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  useQueueShortcuts({ items, active, setActive, openRejection: setRejecting, toggle, helpRef });

  const message = state.message
    ? state.ok
      ? t(state.message as "bulkDone", state.messageValues as never)
      : tForms(state.message, state.messageValues)
    : "";

  return (
    <div>
      <ShortcutsHint onShowHelp={() => helpRef.current?.showModal()} />
      <p role="status" aria-live="polite" className={`mt-3 min-h-6 text-sm font-semibold ${state.ok ? "text-green-800" : "text-red-800"}`}>
        {message}
      </p>

      {items.length > 0 && (
        <BulkDecisionForm
          total={items.length}
          selected={selected.size}
          onSelectAll={(all) => setSelected(all ? new Set(items.map((item) => item.id)) : new Set())}
          formAction={formAction}
          pending={pending}
        />
      )}

      {items.length === 0 ? (
        <p className="mt-8 rounded border border-rule bg-white p-6 text-center text-muted">{t("emptyQueue")}</p>
      ) : (
        <ol ref={listRef} className="mt-4 space-y-4">
          {items.map((item, index) => (
            <li key={item.id}>
              <QueueItem
                queue={queue}
                item={item}
                active={index === active}
                selected={selected.has(item.id)}
                rejecting={rejecting === item.id}
                editing={editing === item.id}
                formAction={formAction}
                pending={pending}
                onFocus={() => setActive(index)}
                onToggleSelected={() => toggle(item.id)}
                onRejecting={(open) => setRejecting(open ? item.id : null)}
                onEditing={(open) => setEditing(open ? item.id : null)}
              />
            </li>
          ))}
        </ol>
      )}

      <QueueHelp ref={helpRef} />
    </div>
  );
}
