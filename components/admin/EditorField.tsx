"use client";

import { useTranslations } from "next-intl";

import type { FormsKey } from "@/lib/i18n/keys";

export const TEXT_INPUT =
  "mt-1 block w-full rounded border border-stone-400 bg-white px-3 py-2 text-base text-ink focus:border-accent focus:ring-2 focus:ring-accent/30 focus:outline-none aria-[invalid=true]:border-red-700";

type ControlProps = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** A labelled control of the editor with its hint and its error (a message key), both tied to the control. */
export function EditorField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: FormsKey;
  children: (props: ControlProps) => React.ReactNode;
}) {
  const t = useTranslations("Forms");
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {t(error)}
        </p>
      )}
    </div>
  );
}
