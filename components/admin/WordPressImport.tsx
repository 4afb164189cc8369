"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import type { MessageKey } from "@/lib/i18n/keys";
import type { ImportReport } from "@/lib/import/wordpress/import";

import { postToRoute, type RouteProblem } from "./postToRoute";

// A reason may be any WordPress post type; t.has() tells the ones with a message from the rest.
const reasonKey = (reason: string) => `reasons.${reason}` as Extract<MessageKey<"Import">, `reasons.${string}`>;

/** Upload a WordPress export and read what was imported and what was left out, and why. */
export function WordPressImport() {
  const t = useTranslations("Import");
  const tForms = useTranslations("Forms");
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<RouteProblem | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setReport(null);
    const result = await postToRoute<{ report: ImportReport }>("/api/admin/import", new FormData(event.currentTarget), "unexpected");
    if (result.ok) setReport(result.answer.report);
    else setError(result.problem);
    setBusy(false);
  }

  const entries = report
    ? [...report.skipped.map((e) => ({ ...e, skipped: true })), ...report.notes.map((e) => ({ ...e, skipped: false }))]
    : [];
  return (
    <div className="mt-4 text-sm">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3 rounded border border-rule p-4">
        <div>
          <label htmlFor="import-file" className="block font-semibold">
            {t("file")}
          </label>
          <p id="import-file-hint" className="text-xs text-muted">
            {t("fileHint")}
          </p>
          <input
            id="import-file"
            name="file"
            type="file"
            required
            accept=".xml,application/xml,text/xml"
            aria-describedby="import-file-hint"
            className="mt-1 block text-sm file:mr-3 file:rounded file:border-0 file:bg-ink file:px-3 file:py-1.5 file:text-white"
          />
        </div>
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-ink px-4 py-2 font-semibold text-white hover:bg-accent disabled:opacity-60"
        >
          {busy ? t("running") : t("start")}
        </button>
      </form>
      {error && (
        <p role="alert" className="mt-4 rounded border border-red-700 bg-red-50 px-3 py-2 text-red-900">
          {tForms(error.key, error.values)}
        </p>
      )}
      {report && (
        <div role="status" className="mt-6">
          <h2 className="text-lg font-bold">{t("done")}</h2>
          <ul className="mt-2 list-disc pl-6">
            <li>{t("articles", report.articles)}</li>
            <li>{t("comments", report.comments)}</li>
            <li>{t("sections", report.sections)}</li>
            <li>{t("tags", report.tags)}</li>
            <li>{t("authors", report.authors)}</li>
          </ul>
          {entries.length > 0 && (
            <table className="mt-4 w-full border-collapse text-left">
              <caption className="text-left font-semibold">{t("entries", { count: entries.length })}</caption>
              <thead>
                <tr className="border-b-2 border-ink">
                  <th scope="col" className="py-1 pr-4">
                    {t("what")}
                  </th>
                  <th scope="col" className="py-1 pr-4">
                    {t("outcome")}
                  </th>
                  <th scope="col" className="py-1">
                    {t("reason")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={`${entry.kind}-${entry.id}-${entry.reason}`} className="border-b border-rule align-top">
                    <td className="py-1 pr-4">
                      {t(`kinds.${entry.kind}`)} {entry.id}
                      {entry.title && ` – „${entry.title}“`}
                    </td>
                    <td className="py-1 pr-4">{entry.skipped ? t("skipped") : t("note")}</td>
                    <td className="py-1">
                      {t.has(reasonKey(entry.reason)) ? t(reasonKey(entry.reason)) : entry.reason}
                      {entry.detail && `: ${entry.detail}`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
