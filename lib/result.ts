import type { FormsKey } from "@/lib/i18n/keys";

/**
 * What a domain command returns. Errors a user can cause are values, not exceptions: a message
 * key (namespace "Forms"), optional values for the message, and optionally the form field at fault.
 */
export type CommandResult<T = object> =
  ({ ok: true } & T) | { ok: false; error: FormsKey; values?: Record<string, string | number>; field?: string };

export const fail = (error: FormsKey, field?: string, values?: Record<string, string | number>) => ({
  ok: false as const,
  error,
  field,
  values,
});
