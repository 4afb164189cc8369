"use client";

import { useEffect, type RefObject } from "react";

import type { QueueItemView } from "./queue-item-view";

const KEYS_IGNORED_IN = new Set(["INPUT", "TEXTAREA", "SELECT", "BUTTON"]);

/**
 * The queue's keys: j/k move between comments, a approves, r opens the rejection with its reason
 * list, s files as spam, f features, x selects, ? shows the keys. a, s and f press the item's own
 * button, so a key does exactly what a click does.
 */
export function useQueueShortcuts({
  items,
  active,
  setActive,
  openRejection,
  toggle,
  helpRef,
}: {
  items: QueueItemView[];
  active: number;
  setActive: (index: number) => void;
  openRejection: (id: string) => void;
  toggle: (id: string) => void;
  helpRef: RefObject<HTMLDialogElement | null>;
}) {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement;
      if (KEYS_IGNORED_IN.has(target.tagName) || target.isContentEditable) return;
      if (helpRef.current?.open) return;
      const current = active < 0 ? 0 : active;
      const item = items[current];
      const click = (action: string) =>
        document.querySelector<HTMLButtonElement>(`[data-item-action="${action}"][data-for="${item?.id}"]`)?.click();
      switch (event.key) {
        case "j":
          setActive(Math.min(items.length - 1, active + 1));
          break;
        case "k":
          setActive(Math.max(0, active - 1));
          break;
        case "a":
          setActive(current);
          click("approve");
          break;
        case "s":
          setActive(current);
          click("spam");
          break;
        case "f":
          setActive(current);
          click("feature");
          break;
        case "r":
          if (!item) return;
          setActive(current);
          openRejection(item.id);
          break;
        case "x":
          if (!item) return;
          setActive(current);
          toggle(item.id);
          break;
        case "?":
          helpRef.current?.showModal();
          break;
        default:
          return;
      }
      event.preventDefault();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  });
}
