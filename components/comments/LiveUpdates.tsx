"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { retryDelay } from "@/lib/live/retry";

const REFRESH_GAP_MS = 700;
/** A stream that stays open this long counts as healthy again: the next failure starts the backoff anew. */
const STABLE_MS = 10_000;

/**
 * Keeps the open page current: new comments and changes arrive over Server-Sent Events and
 * the page re-renders in place (the browser's scroll anchoring keeps what the reader is
 * reading where it is). New comments are announced politely to screen readers. A stream that
 * fails or ends is opened again with backoff (EventSource itself gives up after an HTTP error),
 * and the page refreshes once it is back, as it may have missed events meanwhile.
 */
export function LiveUpdates({ articleId }: { articleId: string }) {
  const t = useTranslations("Comments");
  const router = useRouter();
  const [announcement, setAnnouncement] = useState("");
  const fresh = useRef(0);

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    let source: EventSource | null = null;
    let attempt = 0;
    let missedEvents = false;
    let lastRefresh = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let quiet: ReturnType<typeof setTimeout> | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let stable: ReturnType<typeof setTimeout> | null = null;

    // Every instance expires the article's cached copies before it passes the event on, so the
    // refresh (shared by all signed-out readers of the page) already reads the new state.
    const refresh = () => {
      if (timer) return;
      // Events in quick succession share one refresh.
      const wait = Math.max(0, lastRefresh + REFRESH_GAP_MS - Date.now());
      timer = setTimeout(() => {
        timer = null;
        lastRefresh = Date.now();
        router.refresh();
        if (fresh.current > 0) {
          setAnnouncement(t("liveNewComments", { count: fresh.current }));
          fresh.current = 0;
          if (quiet) clearTimeout(quiet);
          quiet = setTimeout(() => setAnnouncement(""), 5000);
        }
      }, wait);
    };

    const connect = () => {
      retry = null;
      const next = new EventSource(`/api/live/${encodeURIComponent(articleId)}`);
      source = next;
      next.addEventListener("open", () => {
        stable = setTimeout(() => (attempt = 0), STABLE_MS);
        if (missedEvents) {
          missedEvents = false;
          // Back after a gap: whatever changed meanwhile has expired the cache already.
          refresh();
        }
      });
      next.addEventListener("comment", () => {
        fresh.current += 1;
        refresh();
      });
      next.addEventListener("update", () => refresh());
      // An HTTP error closes an EventSource for good, and its own retry after a dropped stream
      // has a fixed delay: under a burst or a restart both would leave readers without updates.
      next.addEventListener("error", () => {
        next.close();
        if (source !== next) return;
        source = null;
        missedEvents = true;
        if (stable) clearTimeout(stable);
        retry = setTimeout(connect, retryDelay(attempt));
        attempt += 1;
      });
    };
    connect();

    return () => {
      source?.close();
      source = null;
      for (const pending of [timer, quiet, retry, stable]) if (pending) clearTimeout(pending);
    };
  }, [articleId, router, t]);

  return (
    <p role="status" aria-live="polite" className="sr-only">
      {announcement}
    </p>
  );
}
