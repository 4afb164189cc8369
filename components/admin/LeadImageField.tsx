"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import type { FormsKey } from "@/lib/i18n/keys";

import { EditorField, TEXT_INPUT } from "./EditorField";
import { postToRoute, type RouteProblem } from "./postToRoute";

type ImageKey = "leadImageUrl" | "leadImageAlt" | "leadImageCaption";

/** Upload (or replace, or remove) the lead image, with its alt text and caption. */
export function LeadImageField({
  url,
  alt,
  caption,
  errors,
  onChange,
}: {
  url: string;
  alt: string;
  caption: string;
  errors: { url?: FormsKey; alt?: FormsKey };
  onChange: (key: ImageKey, value: string) => void;
}) {
  const t = useTranslations("Articles");
  const tForms = useTranslations("Forms");
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<RouteProblem | null>(null);

  async function upload(file: File) {
    setUploading(true);
    setUploadError(null);
    const body = new FormData();
    body.set("file", file);
    const result = await postToRoute<{ url: string }>("/api/admin/medien", body, "uploadFailed");
    if (result.ok) onChange("leadImageUrl", result.answer.url);
    else setUploadError(result.problem);
    setUploading(false);
  }

  const problem = uploadError ?? (errors.url ? { key: errors.url } : null);
  return (
    <>
      {url && (
        // eslint-disable-next-line @next/next/no-img-element -- a preview of the upload as readers will get it
        <img src={url} alt={alt} className="max-h-48 rounded border border-rule" />
      )}
      <div>
        <label htmlFor="article-image-file" className="block text-sm font-semibold">
          {url ? t("replaceImage") : t("uploadImage")}
        </label>
        <p id="article-image-hint" className="text-xs text-muted">
          {t("imageHint")}
        </p>
        <input
          id="article-image-file"
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
          aria-describedby={problem ? "article-image-hint article-image-error" : "article-image-hint"}
          disabled={uploading}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void upload(file);
            event.target.value = "";
          }}
          className="mt-1 block w-full text-sm file:mr-3 file:rounded file:border-0 file:bg-ink file:px-3 file:py-1.5 file:text-white"
        />
        {uploading && (
          <p role="status" className="mt-1 text-sm">
            {t("uploading")}
          </p>
        )}
        {problem && (
          <p id="article-image-error" role="alert" className="mt-1 text-sm font-medium text-red-800">
            {tForms(problem.key, problem.values)}
          </p>
        )}
      </div>
      {url && (
        <>
          <EditorField id="article-image-alt" label={t("fields.imageAlt")} hint={t("imageAltHint")} error={errors.alt}>
            {(props) => (
              <input
                {...props}
                type="text"
                maxLength={300}
                value={alt}
                onChange={(e) => onChange("leadImageAlt", e.target.value)}
                className={TEXT_INPUT}
              />
            )}
          </EditorField>
          <EditorField id="article-image-caption" label={t("fields.imageCaption")}>
            {(props) => (
              <input
                {...props}
                type="text"
                maxLength={500}
                value={caption}
                onChange={(e) => onChange("leadImageCaption", e.target.value)}
                className={TEXT_INPUT}
              />
            )}
          </EditorField>
          <button type="button" onClick={() => onChange("leadImageUrl", "")} className="text-sm text-red-800 underline">
            {t("removeImage")}
          </button>
        </>
      )}
    </>
  );
}
