"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { saveSettingsAction } from "@/actions/settings";
import { Field, FormMessage, SubmitButton } from "@/components/ui/forms";
import { initialFormState } from "@/lib/forms/state";
import { MODERATION_MODES } from "@/lib/settings/modes";
import type { SiteSettings } from "@/lib/settings/site";

const NUMBER_FIELDS = {
  comments: ["commentMaxLength", "commentMaxDepth", "commentEditWindowMinutes", "commentsCloseAfterDays", "commentsPerMinute"],
  moderation: ["maxLinks", "minAccountAgeHours", "minSubmitSeconds", "minSecondsBetweenComments"],
  caching: ["cacheSharedMaxAgeSeconds", "cacheStaleWhileRevalidateSeconds", "cacheStaleIfErrorSeconds"],
} as const;

/** Every site setting on one page; a refused save keeps what was typed and marks the fields at fault. */
export function SettingsForm({ settings }: { settings: SiteSettings }) {
  const t = useTranslations("Settings");
  const tLanguage = useTranslations("Language");
  const [state, formAction] = useActionState(saveSettingsAction, initialFormState);
  const value = (name: keyof SiteSettings) => state.values?.[name] ?? String(settings[name]);
  const fieldset = "space-y-4 rounded border border-rule bg-white p-5";
  const legend = "px-1 font-serif text-xl font-bold";
  const area = "mt-1 block w-full rounded border border-stone-400 bg-white px-3 py-2 font-mono text-sm aria-[invalid=true]:border-red-700";
  const words = (name: "bannedWords" | "suspectWords") => (
    <div>
      <label htmlFor={`field-${name}`} className="block text-sm font-semibold">
        {t(name)}
      </label>
      <p id={`field-${name}-hint`} className="text-sm text-muted">
        {t("wordsHint")}
      </p>
      <textarea
        id={`field-${name}`}
        name={name}
        rows={5}
        defaultValue={state.values?.[name] ?? settings[name].join("\n")}
        aria-describedby={`field-${name}-hint`}
        aria-invalid={state.fieldErrors?.[name] ? true : undefined}
        className={area}
      />
    </div>
  );
  const numbers = (group: keyof typeof NUMBER_FIELDS) =>
    NUMBER_FIELDS[group].map((name) => (
      <Field key={name} name={name} type="number" inputMode="numeric" label={t(name)} state={state} defaultValue={value(name)} />
    ));

  return (
    <form action={formAction} className="mt-6 space-y-6 font-sans">
      <FormMessage state={state} namespace="Settings" />
      <fieldset className={fieldset}>
        <legend className={legend}>{t("site")}</legend>
        <Field name="siteName" label={t("siteName")} state={state} defaultValue={settings.siteName} />
        <Field name="siteDescription" label={t("siteDescription")} state={state} defaultValue={settings.siteDescription} required={false} />
        <div>
          <label htmlFor="field-defaultLocale" className="block text-sm font-semibold">
            {t("defaultLocale")}
          </label>
          <select
            id="field-defaultLocale"
            name="defaultLocale"
            defaultValue={value("defaultLocale")}
            className="mt-1 rounded border border-stone-400 bg-white px-3 py-2"
          >
            <option value="de">{tLanguage("de")}</option>
            <option value="en">{tLanguage("en")}</option>
          </select>
        </div>
      </fieldset>
      <fieldset className={fieldset}>
        <legend className={legend}>{t("comments")}</legend>
        {numbers("comments")}
        <div>
          <label htmlFor="field-deletedAccountComments" className="block text-sm font-semibold">
            {t("deletedAccountComments")}
          </label>
          <select
            id="field-deletedAccountComments"
            name="deletedAccountComments"
            defaultValue={value("deletedAccountComments")}
            className="mt-1 rounded border border-stone-400 bg-white px-3 py-2"
          >
            <option value="anonymize">{t("deleted.anonymize")}</option>
            <option value="remove">{t("deleted.remove")}</option>
          </select>
        </div>
      </fieldset>
      <fieldset className={fieldset}>
        <legend className={legend}>{t("moderation")}</legend>
        <fieldset>
          <legend className="text-sm font-semibold">{t("moderationMode")}</legend>
          {MODERATION_MODES.map((mode) => (
            <label key={mode} className="mt-1 flex items-center gap-2">
              <input type="radio" name="moderationMode" value={mode} defaultChecked={value("moderationMode") === mode} className="size-4" />
              {t(`mode.${mode}`)}
            </label>
          ))}
        </fieldset>
        {words("bannedWords")}
        {words("suspectWords")}
        {numbers("moderation")}
      </fieldset>
      <fieldset className={fieldset}>
        <legend className={legend}>{t("caching")}</legend>
        <p className="text-sm text-muted">{t("cachingHint")}</p>
        {numbers("caching")}
      </fieldset>
      <SubmitButton>{t("save")}</SubmitButton>
    </form>
  );
}
