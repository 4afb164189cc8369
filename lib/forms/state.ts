import type { z } from "zod";

import { storableText } from "./text";

/**
 * What a form's server action returns for the form to render. Messages are message keys
 * (namespace "Forms" in messages/*.json) so the browser shows them in the reader's language.
 * `values` echoes what was typed, so a refused form loses nothing (passwords excepted).
 */
export interface FormState {
  ok: boolean;
  message?: string;
  messageValues?: Record<string, string | number>;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
}

export const initialFormState: FormState = { ok: false };

/** A text field of a submitted form; "" when it is missing or not text (a file). */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? storableText(value) : "";
}

/** Form fields never echoed back nor altered: passwords are hashed, not stored as text. */
export const SECRET_FIELDS: readonly string[] = ["password", "currentPassword", "newPassword"];

/** The typed text fields of a form, without secrets, to send back with an error. */
export function echoValues(formData: FormData, omit: readonly string[] = SECRET_FIELDS): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !omit.includes(key) && !key.startsWith("$")) values[key] = value;
  }
  return values;
}

/** Zod issues as one message key per field; each schema's error messages are message keys. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= issue.message;
  }
  return fieldErrors;
}

export function invalid(formData: FormData, error: z.ZodError): FormState {
  return { ok: false, message: "checkFields", fieldErrors: fieldErrorsOf(error), values: echoValues(formData) };
}

export function failure(formData: FormData, message: string, extra: Omit<FormState, "ok" | "message" | "values"> = {}): FormState {
  return { ok: false, message, values: echoValues(formData), ...extra };
}

/** What a command refuses with (CommandResult's failure), or several fields at fault at once. */
export interface Refused {
  ok: false;
  error: string;
  values?: Record<string, string | number>;
  field?: string;
  fieldErrors?: Record<string, string>;
}

/** A command's refusal as form state: its message and the fields at fault. */
export function refused(result: Omit<Refused, "ok">): FormState & { ok: false; message: string } {
  return {
    ok: false,
    message: result.error,
    messageValues: result.values,
    fieldErrors: result.fieldErrors ?? (result.field ? { [result.field]: result.error } : undefined),
  };
}

/** A command's refusal as the state of a submitted form: with everything typed, so nothing is lost. */
export function refusal(formData: FormData, result: Omit<Refused, "ok">): FormState {
  return { ...refused(result), values: echoValues(formData) };
}
