"use client";

import { useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";

import type { FormState } from "@/lib/forms/state";

const inputClass =
  "mt-1 block w-full rounded border border-stone-400 bg-white px-3 py-2 text-base text-ink shadow-sm focus:border-accent focus:ring-2 focus:ring-accent/30 focus:outline-none aria-[invalid=true]:border-red-700";

/** A labelled input whose error (a message key from the server) is announced with it. */
export function Field({
  name,
  label,
  state,
  hint,
  type = "text",
  autoComplete,
  required = true,
  defaultValue,
  inputMode,
}: {
  name: string;
  label: string;
  state: FormState;
  hint?: string;
  type?: "text" | "email" | "password" | "search" | "number";
  autoComplete?: string;
  required?: boolean;
  defaultValue?: string;
  inputMode?: "email" | "text" | "numeric";
}) {
  const t = useTranslations("Forms");
  const error = state.fieldErrors?.[name];
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="font-sans">
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required={required}
        inputMode={inputMode}
        // Refused input comes back in state.values, so nothing typed is lost (passwords are never echoed).
        defaultValue={type === "password" ? undefined : (state.values?.[name] ?? defaultValue)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
      />
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-red-800">
          {t(error)}
        </p>
      )}
    </div>
  );
}

export function SubmitButton({ children, variant = "primary" }: { children: React.ReactNode; variant?: "primary" | "danger" | "quiet" }) {
  const { pending } = useFormStatus();
  const t = useTranslations("Forms");
  const colors = {
    primary: "bg-ink text-white hover:bg-accent",
    danger: "bg-red-800 text-white hover:bg-red-900",
    quiet: "border border-stone-400 bg-white text-ink hover:border-ink",
  }[variant];
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`rounded px-4 py-2 font-sans text-sm font-semibold disabled:opacity-60 ${colors}`}
    >
      {pending ? t("sending") : children}
    </button>
  );
}

/** The form-level outcome: an error (role=alert) or a confirmation (role=status). */
export function FormMessage({
  state,
  namespace = "Forms",
}: {
  state: FormState;
  namespace?: "Forms" | "Auth" | "Account" | "GuestData" | "Admin" | "Settings" | "Notices" | "Notifications" | "Sections" | "Import";
}) {
  const t = useTranslations(namespace);
  const tForms = useTranslations("Forms");
  if (!state.message) return null;
  // Errors always live in "Forms"; confirmations may come from the page's own namespace.
  const text = state.ok
    ? t(state.message as Parameters<typeof t>[0], state.messageValues as never)
    : tForms(state.message, state.messageValues);
  return (
    <p
      role={state.ok ? "status" : "alert"}
      className={`rounded border px-3 py-2 font-sans text-sm ${state.ok ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-900"}`}
    >
      {text}
    </p>
  );
}
