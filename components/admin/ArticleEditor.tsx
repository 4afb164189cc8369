"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";

import { saveArticleAction, type ArticleFormState } from "@/actions/articles";
import { parseTagList, type ArticleInput } from "@/lib/articles/schema";
import { slugify } from "@/lib/articles/slug";

import { BodyEditor } from "./BodyEditor";
import { EditorField, TEXT_INPUT } from "./EditorField";
import { LeadImageField } from "./LeadImageField";
import { PublishPanel } from "./PublishPanel";

export interface EditorValues {
  title: string;
  slug: string;
  dek: string;
  body: string;
  sectionId: string;
  tags: string;
  authorId: string;
  leadImageUrl: string;
  leadImageAlt: string;
  leadImageCaption: string;
  seoTitle: string;
  seoDescription: string;
  commentsOpen: boolean;
  premoderate: boolean;
}

export interface EditorState {
  id: string | null;
  status: "DRAFT" | "SCHEDULED" | "PUBLISHED";
  publishedAt: string | null;
  savedSlug: string;
}

export type SaveState = {
  kind: "idle" | "saving" | "saved" | "dirty" | "failed";
  at?: string;
  error?: string;
  values?: Record<string, string | number>;
};

const AUTOSAVE_MS = 1500;
const RETRY_MS = 5000;

function toInput(values: EditorValues): ArticleInput {
  return { ...values, tags: parseTagList(values.tags) };
}

/**
 * The article editor. Drafts save themselves a moment after each change (WordPress and Ghost
 * do the same); a published article changes only when "Aktualisieren" is pressed. What was
 * typed stays in the form whatever a save answers, and a failed autosave is retried.
 */
export function ArticleEditor({
  initial,
  initialState,
  sections,
  authors,
}: {
  initial: EditorValues;
  initialState: EditorState;
  sections: { id: string; name: string }[];
  authors: { id: string; name: string | null; email: string | null }[];
}) {
  const t = useTranslations("Articles");
  const tForms = useTranslations("Forms");
  const [values, setValues] = useState(initial);
  const [state, setState] = useState(initialState);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  // The slug follows the title until someone edits it, or the article has been public.
  const [slugTouched, setSlugTouched] = useState(initialState.status !== "DRAFT" || initial.slug !== slugify(initial.title));
  const revision = useRef(0);
  const inFlight = useRef<Promise<ArticleFormState | null> | null>(null);

  const live = state.status === "PUBLISHED";
  const dirty = save.kind === "dirty" || save.kind === "failed";

  const update = <K extends keyof EditorValues>(key: K, value: EditorValues[K]) => {
    revision.current += 1;
    setValues((current) => {
      const next = { ...current, [key]: value };
      if (key === "title" && !slugTouched) next.slug = slugify(String(value));
      return next;
    });
    // Field errors stay shown until a save succeeds; the next autosave tries again.
    setSave({ kind: "dirty" });
  };

  /** Saves what is in the form now; returns the server's answer (null when a save was already running). */
  const saveNow = useCallback(async (): Promise<ArticleFormState | null> => {
    if (inFlight.current) await inFlight.current;
    const sentRevision = revision.current;
    setSave({ kind: "saving" });
    const request: Promise<ArticleFormState> = saveArticleAction(state.id, toInput(values)).catch(() => ({
      ok: false,
      message: "networkError",
    }));
    inFlight.current = request;
    const result = await request;
    inFlight.current = null;
    if (result.ok) {
      setFieldErrors({});
      setState((current) => ({ ...current, id: result.id, savedSlug: result.slug }));
      if (!state.id) window.history.replaceState(null, "", `/admin/artikel/${result.id}`);
      setValues((current) => (current.slug ? current : { ...current, slug: result.slug }));
      setSave(revision.current === sentRevision ? { kind: "saved", at: result.savedAt } : { kind: "dirty" });
    } else {
      setFieldErrors(result.fieldErrors ?? {});
      setSave({ kind: "failed", error: result.message, values: result.messageValues });
    }
    return result;
  }, [state.id, values]);

  // Autosave drafts and scheduled articles; retry a failed save after a pause.
  useEffect(() => {
    if (live || !values.title.trim()) return;
    if (save.kind !== "dirty" && !(save.kind === "failed" && save.error === "networkError")) return;
    const timer = setTimeout(() => void saveNow(), save.kind === "failed" ? RETRY_MS : AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [values, save, live, saveNow]);

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const error = (name: string) => fieldErrors[name];
  const field = (name: keyof EditorValues, label: string, options: { hint?: string; multiline?: boolean; maxLength?: number } = {}) => (
    <EditorField id={`article-${name}`} label={label} hint={options.hint} error={error(name)}>
      {(props) =>
        options.multiline ? (
          <textarea
            {...props}
            rows={3}
            maxLength={options.maxLength}
            value={String(values[name])}
            onChange={(e) => update(name, e.target.value)}
            className={TEXT_INPUT}
          />
        ) : (
          <input
            {...props}
            type="text"
            maxLength={options.maxLength}
            value={String(values[name])}
            onChange={(e) => update(name, e.target.value)}
            className={TEXT_INPUT}
          />
        )
      }
    </EditorField>
  );

  return (
    <div className="mt-6 font-sans">
      <PublishPanel
        state={state}
        live={live}
        saveState={save}
        hasTitle={values.title.trim() !== ""}
        onSave={saveNow}
        onChanged={(next) => setState((current) => ({ ...current, ...next }))}
        onError={(key) => setSave({ kind: "failed", error: key })}
      />
      {save.kind === "failed" && save.error && (
        <p role="alert" className="mt-3 rounded border border-red-700 bg-red-50 px-3 py-2 text-sm text-red-900">
          {tForms(save.error as Parameters<typeof tForms>[0], save.values as never)}{" "}
          {save.error === "networkError" && !live && t("retrying")}
        </p>
      )}

      <div className="mt-6 space-y-4">
        <EditorField id="article-title" label={t("fields.title")} error={error("title")}>
          {(props) => (
            <input
              {...props}
              type="text"
              required
              maxLength={300}
              value={values.title}
              onChange={(e) => update("title", e.target.value)}
              className={`${TEXT_INPUT} font-serif text-2xl font-bold`}
            />
          )}
        </EditorField>
        <EditorField id="article-slug" label={t("fields.slug")} hint={live ? t("slugHintLive") : t("slugHint")} error={error("slug")}>
          {(props) => (
            <div className="mt-1 flex items-center gap-1">
              <span className="text-sm text-muted">/artikel/</span>
              <input
                {...props}
                type="text"
                maxLength={128}
                value={values.slug}
                onChange={(e) => {
                  setSlugTouched(true);
                  update("slug", e.target.value.toLowerCase());
                }}
                className={`${TEXT_INPUT} mt-0 font-mono text-sm`}
              />
            </div>
          )}
        </EditorField>
        {field("dek", t("fields.dek"), { multiline: true, maxLength: 600, hint: t("dekHint") })}
        <BodyEditor value={values.body} error={error("body")} onChange={(body) => update("body", body)} />
      </div>

      <div className="mt-8 grid gap-6 md:grid-cols-2">
        <fieldset className="space-y-4 rounded border border-rule p-4">
          <legend className="px-1 text-sm font-bold">{t("placement")}</legend>
          <EditorField id="article-section" label={t("fields.section")} error={error("sectionId")}>
            {(props) => (
              <select {...props} value={values.sectionId} onChange={(e) => update("sectionId", e.target.value)} className={TEXT_INPUT}>
                <option value="">{t("noSection")}</option>
                {sections.map((section) => (
                  <option key={section.id} value={section.id}>
                    {section.name}
                  </option>
                ))}
              </select>
            )}
          </EditorField>
          {field("tags", t("fields.tags"), { hint: t("tagsHint"), maxLength: 1000 })}
          <EditorField id="article-author" label={t("fields.author")} error={error("authorId")}>
            {(props) => (
              <select {...props} value={values.authorId} onChange={(e) => update("authorId", e.target.value)} className={TEXT_INPUT}>
                {authors.map((author) => (
                  <option key={author.id} value={author.id}>
                    {author.name ?? author.email}
                  </option>
                ))}
              </select>
            )}
          </EditorField>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={values.commentsOpen} onChange={(e) => update("commentsOpen", e.target.checked)} />
            {t("fields.commentsOpen")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={values.premoderate} onChange={(e) => update("premoderate", e.target.checked)} />
            {t("fields.premoderate")}
          </label>
        </fieldset>

        <fieldset className="space-y-4 rounded border border-rule p-4">
          <legend className="px-1 text-sm font-bold">{t("leadImage")}</legend>
          <LeadImageField
            url={values.leadImageUrl}
            alt={values.leadImageAlt}
            caption={values.leadImageCaption}
            errors={{ url: error("leadImageUrl"), alt: error("leadImageAlt") }}
            onChange={(key, value) => update(key, value)}
          />
        </fieldset>

        <fieldset className="space-y-4 rounded border border-rule p-4 md:col-span-2">
          <legend className="px-1 text-sm font-bold">{t("seo")}</legend>
          {field("seoTitle", t("fields.seoTitle"), { hint: t("seoTitleHint"), maxLength: 120 })}
          {field("seoDescription", t("fields.seoDescription"), { multiline: true, hint: t("seoDescriptionHint"), maxLength: 300 })}
        </fieldset>
      </div>
    </div>
  );
}
