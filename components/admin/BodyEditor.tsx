"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import { previewMarkdownAction } from "@/actions/articles";
import { ArticleBody } from "@/components/article/ArticleBody";
import type { FormsKey } from "@/lib/i18n/keys";

import { EditorField, TEXT_INPUT } from "./EditorField";

/**
 * The Markdown body beside its live preview. The preview is rendered on the server by the
 * function the public page uses and shown by the same component, so it cannot drift.
 */
export function BodyEditor({ value, error, onChange }: { value: string; error?: FormsKey; onChange: (body: string) => void }) {
  const t = useTranslations("Articles");
  const [html, setHtml] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      previewMarkdownAction(value)
        .then((rendered) => current && setHtml(rendered))
        .catch(() => {});
    }, 400);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [value]);

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <EditorField id="article-body" label={t("fields.body")} hint={t("bodyHint")} error={error}>
        {(props) => (
          <textarea
            {...props}
            rows={24}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            className={`${TEXT_INPUT} font-mono text-sm leading-relaxed`}
          />
        )}
      </EditorField>
      <section aria-labelledby="preview-heading" className="min-w-0">
        <h2 id="preview-heading" className="text-sm font-semibold">
          {t("livePreview")}
        </h2>
        <p className="text-xs text-muted">{t("livePreviewHint")}</p>
        <div
          className="mt-1 max-h-[38rem] overflow-y-auto rounded border border-rule bg-paper px-4 pb-4"
          aria-live="off"
          data-testid="live-preview"
        >
          {html === null ? <p className="mt-4 text-sm text-muted">…</p> : <ArticleBody html={html} />}
        </div>
      </section>
    </div>
  );
}
