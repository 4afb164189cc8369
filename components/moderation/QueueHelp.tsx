"use client";

import { useTranslations } from "next-intl";
import type { Ref } from "react";

import { QUEUE_BUTTON } from "./queue-item-view";

const KEYS = ["j", "k", "a", "r", "s", "f", "x", "help"] as const;

/** The line above the queue that says there are keys, with the button that lists them. */
export function ShortcutsHint({ onShowHelp }: { onShowHelp: () => void }) {
  const t = useTranslations("Moderation");
  return (
    <p className="mt-2 text-sm text-muted">
      {t("shortcutsHint")}{" "}
      <button type="button" onClick={onShowHelp} className="underline hover:text-accent">
        ?
      </button>
    </p>
  );
}

/** The list of the queue's keys, a modal dialog opened with ? and closed without JavaScript of ours. */
export function QueueHelp({ ref }: { ref: Ref<HTMLDialogElement> }) {
  const t = useTranslations("Moderation");
  return (
    <dialog
      ref={ref}
      aria-labelledby="shortcuts-title"
      className="m-auto rounded border border-rule p-6 font-sans shadow-xl backdrop:bg-black/40"
    >
      <h2 id="shortcuts-title" className="text-lg font-bold">
        {t("helpTitle")}
      </h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {KEYS.map((key) => (
          <div key={key} className="contents">
            <dt>
              <kbd className="rounded border border-stone-400 px-1.5 font-mono">{key === "help" ? "?" : key}</kbd>
            </dt>
            <dd>{t(`help.${key}`)}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="mt-4 text-right">
        <button type="submit" className={`${QUEUE_BUTTON} border-ink`}>
          {t("close")}
        </button>
      </form>
    </dialog>
  );
}
