import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { failure, firstIssue, invalid, refusal, SECRET_FIELDS, type FormState, type Refused } from "@/lib/forms/state";
import { storableText } from "@/lib/forms/text";
import type { FormsKey } from "@/lib/i18n/keys";

import { may, type Permission } from "./permissions";
import { getCurrentUser, type CurrentUser } from "./session";

/**
 * Who may submit a form: anyone (the action reads no session), any signed-in person, or whoever
 * holds a permission of lib/accounts/permissions.ts. A signed-out caller of a signed-in form is asked
 * to sign in ("signInRequired"); nobody signed out holds a permission ("forbidden").
 */
export type Access = "anyone" | "signedIn" | Permission;

/** Whom the action acts for: nobody for "anyone", else the signed-in user as the database knows them now. */
export type Caller<A extends Access> = A extends "anyone" ? null : CurrentUser;

/** A form's fields as a zod object (text, or a list of text for a repeated field), possibly transformed as a whole. */
export type FormSchema = z.ZodObject | z.ZodPipe<z.ZodObject, z.ZodType>;

/**
 * What an action's body answers: a command's refusal, or the state for the form to show. `landing` is
 * the page a form sent without JavaScript goes to; a form with JavaScript stays and its page renders afresh.
 */
export type Outcome<S extends FormState> = Refused | (S & { ok: true; landing?: string });

export interface FormActionOptions<Schema extends FormSchema, A extends Access> {
  access: A;
  schema: Schema;
  /**
   * How a field the schema refuses is answered: "fields" (the default, for forms people fill in) marks
   * every field under "checkFields"; "first" answers like the command would, with the first field's
   * message and limit; "unexpected" refuses a form the site never renders as a whole.
   */
  invalid?: "fields" | "first" | "unexpected";
  /** After a success without a landing: the page renders afresh, as the change shows on it (queues, lists). */
  refresh?: boolean;
}

/**
 * A form's server action: who asks is checked, the form is parsed once, the body asks lib/ to do the
 * work, and its answer becomes the form's state (a refusal keeps what was typed). The body never
 * sees a caller who may not submit, nor a form its schema refuses.
 *
 *   export const deleteCommentAction = formAction(
 *     { access: "signedIn", schema: commentTargetSchema },
 *     async ({ commentId }, user): Promise<Outcome<FormState>> => {
 *       const result = await deleteOwnComment({ ...await context(), userId: user.id, commentId });
 *       if (!result.ok) return result;
 *       return { ok: true, message: "commentDeleted", landing: `${articlePath(result.articleSlug)}#kommentare` };
 *     },
 *   );
 */
export function formAction<Schema extends FormSchema, A extends Access, S extends FormState = FormState>(
  options: FormActionOptions<Schema, A>,
  body: (input: z.output<Schema>, caller: Caller<A>, formData: FormData) => Promise<Outcome<S>>,
): (previous: S, formData: FormData) => Promise<S> {
  return async (_previous, formData) => {
    // A refusal has FormState's fields only; a form's own state extends FormState with optional ones.
    const refuse = (state: FormState) => state as S;
    let caller: CurrentUser | null = null;
    if (options.access !== "anyone") {
      caller = await getCurrentUser();
      if (options.access === "signedIn") {
        if (!caller) return refuse(failure(formData, "signInRequired"));
      } else if (!may(caller, options.access)) return refuse(failure(formData, "forbidden"));
    }
    const parsed = options.schema.safeParse(readForm(formData, options.schema));
    if (!parsed.success) return refuse(refusedInput(formData, parsed.error, options.invalid ?? "fields"));
    const outcome = await body(parsed.data as z.output<Schema>, caller as Caller<A>, formData);
    if (!outcome.ok) return refuse(refusal(formData, outcome));
    const { landing, ...state } = outcome;
    if (landing !== undefined) {
      if (formData.get("enhanced") !== "1") redirect(landing);
      refresh();
    } else if (options.refresh) refresh();
    return state as unknown as S;
  };
}

/**
 * The fields the schema names, as text PostgreSQL can store ("" when missing or a file; see
 * storableText). Passwords pass as typed: they are hashed, never stored. A list field takes every value.
 */
function readForm(formData: FormData, schema: FormSchema): Record<string, string | string[]> {
  const shape = (schema instanceof z.ZodPipe ? schema.in : schema).shape;
  const fields: Record<string, string | string[]> = {};
  for (const [name, field] of Object.entries(shape)) {
    if (field instanceof z.ZodArray) {
      fields[name] = formData
        .getAll(name)
        .filter((value) => typeof value === "string")
        .map(storableText);
    } else {
      const value = formData.get(name);
      fields[name] = typeof value !== "string" ? "" : SECRET_FIELDS.includes(name) ? value : storableText(value);
    }
  }
  return fields;
}

function refusedInput(formData: FormData, error: z.ZodError, how: "fields" | "first" | "unexpected"): FormState {
  if (how === "fields") return invalid(formData, error);
  if (how === "unexpected") return failure(formData, "unexpected");
  const issue = error.issues[0];
  return refusal(formData, { ...firstIssue(error), values: issue?.code === "too_big" ? { max: Number(issue.maximum) } : undefined });
}

/** A form with no fields of its own (a button): nothing to parse. */
export const NO_FIELDS = z.object({});

/** A refusal that marks one field under "checkFields", as the account forms show their fields' problems. */
export function fieldRefusal(field: string, error: FormsKey): Refused {
  return { ok: false, error: "checkFields", fieldErrors: { [field]: error } };
}
