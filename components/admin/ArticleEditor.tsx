"use client";

import { useTranslations } from "next-intl";

import { BodyEditor } from "./BodyEditor";
import type { EditorState, EditorValues } from "./editor-state";
import { EditorField, TEXT_INPUT } from "./EditorField";
import { LeadImageField } from "./LeadImageField";
import { PublishPanel } from "./PublishPanel";
import { useArticleDraft } from "./useArticleDraft";

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
  const { values, state, setState, save, setSave, fieldErrors, live, update, saveNow, touchSlug } = useArticleDraft(initial, initialState);

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
          {tForms(save.error, save.values)} {save.error === "networkError" && !live && t("retrying")}
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
                  touchSlug();
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
