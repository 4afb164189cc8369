"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { sectionAction } from "@/actions/sections";
import { FormMessage } from "@/components/ui/forms";
import { initialFormState } from "@/lib/forms/state";

const INPUT = "mt-1 rounded border border-stone-400 bg-white px-2 py-1.5";

/** One section's row (rename, reorder, delete) or, without `section`, the form that adds one. */
export function SectionForm({ section }: { section?: { id: string; name: string; slug: string; position: number; count: number } }) {
  const t = useTranslations("Sections");
  const [state, action, pending] = useActionState(sectionAction, initialFormState);
  const prefix = section ? `section-${section.id}` : "section-new";
  return (
    <form action={action} className="flex flex-wrap items-end gap-3 border-b border-rule py-3 text-sm">
      {section && <input type="hidden" name="id" value={section.id} />}
      <div>
        <label htmlFor={`${prefix}-name`} className="block font-semibold">
          {t("name")}
        </label>
        <input
          id={`${prefix}-name`}
          name="name"
          required
          maxLength={60}
          defaultValue={state.values?.name ?? section?.name ?? ""}
          className={`${INPUT} w-56`}
        />
      </div>
      <div>
        <label htmlFor={`${prefix}-position`} className="block font-semibold">
          {t("position")}
        </label>
        <input
          id={`${prefix}-position`}
          name="position"
          type="number"
          min={0}
          max={1000}
          defaultValue={state.values?.position ?? section?.position ?? 0}
          className={`${INPUT} w-20`}
        />
      </div>
      {section && (
        <p className="pb-2 text-muted">
          /rubrik/{section.slug} · {t("articles", { count: section.count })}
        </p>
      )}
      <div className="ml-auto flex gap-2">
        <button
          type="submit"
          name="intent"
          value={section ? "update" : "create"}
          disabled={pending}
          className="rounded bg-ink px-3 py-1.5 font-semibold text-white hover:bg-accent disabled:opacity-60"
        >
          {section ? t("save") : t("add")}
        </button>
        {section && (
          <button
            type="submit"
            name="intent"
            value="delete"
            disabled={pending}
            // As WordPress asks before deleting a category.
            onClick={(event) => {
              if (!window.confirm(t("deleteQuestion", { name: section.name, count: section.count }))) event.preventDefault();
            }}
            className="rounded border border-red-800 px-3 py-1.5 font-semibold text-red-800 hover:bg-red-50 disabled:opacity-60"
          >
            {t("delete")}
          </button>
        )}
      </div>
      <div className="basis-full empty:hidden">
        <FormMessage state={state} namespace="Sections" />
      </div>
    </form>
  );
}
