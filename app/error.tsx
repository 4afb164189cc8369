"use client";

import { useTranslations } from "next-intl";

import { Notice } from "@/components/ui/Notice";

/** Shown when rendering a page fails unexpectedly; the details stay in the server log. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("Errors");
  return (
    <Notice title={t("errorTitle")}>
      <p>{t("errorText")}</p>
      <p>
        <button type="button" onClick={reset} className="cursor-pointer rounded bg-ink px-4 py-2 font-semibold text-white">
          {t("retry")}
        </button>
      </p>
    </Notice>
  );
}
