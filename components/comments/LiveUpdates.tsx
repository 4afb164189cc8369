"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { FRESH_READ_COOKIE } from "@/lib/cache/tags";

const REFRESH_GAP_MS = 700;

/**
 * Keeps the open page current: new comments and changes arrive over Server-Sent Events and
 * the page re-renders in place (the browser's scroll anchoring keeps what the reader is
 * reading where it is). New comments are announced politely to screen readers.
 */
export function LiveUpdates({ articleId }: { articleId: string }) {
  const t = useTranslations("Comments");
  const router = useRouter();
  const [announcement, setAnnouncement] = useState("");
  const fresh = useRef(0);

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(`/api/live/${encodeURIComponent(articleId)}`);
    let lastRefresh = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let quiet: ReturnType<typeof setTimeout> | null = null;

    const refresh = () => {
      if (timer) return;
      // Events in quick succession share one refresh.
      const wait = Math.max(0, lastRefresh + REFRESH_GAP_MS - Date.now());
      timer = setTimeout(() => {
        timer = null;
        lastRefresh = Date.now();
        document.cookie = `${FRESH_READ_COOKIE}=1; max-age=10; path=/; samesite=lax`;
        router.refresh();
        if (fresh.current > 0) {
          setAnnouncement(t("liveNewComments", { count: fresh.current }));
          fresh.current = 0;
          if (quiet) clearTimeout(quiet);
          quiet = setTimeout(() => setAnnouncement(""), 5000);
        }
      }, wait);
    };
    source.addEventListener("comment", () => {
      fresh.current += 1;
      refresh();
    });
    source.addEventListener("update", refresh);
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
      if (quiet) clearTimeout(quiet);
    };
  }, [articleId, router, t]);

  return (
    <p role="status" aria-live="polite" className="sr-only">
      {announcement}
    </p>
  );
}
