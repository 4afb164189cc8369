import type { z } from "zod";

import type { AnyMessageKey, FormsKey } from "@/lib/i18n/keys";

import { storableText } from "./text";

/** Values for a message's placeholders ({name}, {count}). */
export type MessageValues = Record<string, string | number>;

/** Per form field, what is wrong with it: a key in namespace "Forms". */
export type FieldErrors = Record<string, FormsKey>;

/**
 * What a form's server action returns for the form to render. Messages are message keys
 * (messages/*.json) so the browser shows them in the reader's language: a refusal is a key in
 * "Forms", a confirmation a key in the form's own namespace.
 * `values` echoes what was typed, so a refused form loses nothing (passwords excepted).
 */
export type FormState =
  | { ok: false; message?: FormsKey; messageValues?: MessageValues; fieldErrors?: FieldErrors; values?: Record<string, string> }
  | { ok: true; message?: AnyMessageKey; messageValues?: MessageValues; fieldErrors?: undefined; values?: Record<string, string> };

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

/**
 * A schema's error as a key in "Forms", checked by the compiler (zod types messages as any string):
 * `z.string().min(2, fieldError("nameTooShort"))`.
 */
export const fieldError = (key: FormsKey) => ({ error: key });

// Our schemas give every message with fieldError() (or a checked FormsKey in a refinement).
const keyOf = (issue: z.core.$ZodIssue) => issue.message as FormsKey;

/** Zod issues as one message key per field; each schema's error messages are message keys. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] ??= keyOf(issue);
  }
  return fieldErrors;
}

/** A command's refusal for the first of a schema's issues: its message and the field it is about. */
export function firstIssue(error: z.ZodError): { error: FormsKey; field?: string } {
  const issue = error.issues[0];
  return issue ? { error: keyOf(issue), field: issue.path[0] === undefined ? undefined : String(issue.path[0]) } : { error: "checkFields" };
}

export function invalid(formData: FormData, error: z.ZodError): FormState {
  return { ok: false, message: "checkFields", fieldErrors: fieldErrorsOf(error), values: echoValues(formData) };
}

export function failure(
  formData: FormData,
  message: FormsKey,
  extra: { messageValues?: MessageValues; fieldErrors?: FieldErrors } = {},
): FormState {
  return { ok: false, message, values: echoValues(formData), ...extra };
}

/** What a command refuses with (CommandResult's failure), or several fields at fault at once. */
export interface Refused {
  ok: false;
  error: FormsKey;
  values?: MessageValues;
  field?: string;
  fieldErrors?: FieldErrors;
}

/** A command's refusal as form state: its message and the fields at fault. */
export function refused(result: Omit<Refused, "ok">): FormState & { ok: false; message: FormsKey } {
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
