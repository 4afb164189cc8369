"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { claimGuestCommentsAction, deleteGuestCommentAction, deleteGuestDataAction, requestGuestDataAction } from "@/actions/guest-data";
import { Field, FormMessage, SubmitButton } from "@/components/ui/forms";
import { initialFormState } from "@/lib/forms/state";

/** /gast/daten without a link: an address and what to do; the answer is the same whether the address is known. */
export function GuestDataRequestForm() {
  const t = useTranslations("GuestData");
  const tForms = useTranslations("Forms");
  const [state, action] = useActionState(requestGuestDataAction, initialFormState);
  const intent = state.values?.intent ?? "export";
  const error = state.fieldErrors?.intent;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} namespace="GuestData" />
      <Field name="email" type="email" label={t("email")} autoComplete="email" inputMode="email" state={state} />
      <fieldset className="font-sans" aria-describedby={error ? "intent-error" : undefined}>
        <legend className="text-sm font-semibold">{t("intentLegend")}</legend>
        {(["export", "delete"] as const).map((value) => (
          <label key={value} className="mt-2 flex items-center gap-2 text-sm">
            <input type="radio" name="intent" value={value} defaultChecked={intent === value} className="accent-accent" />
            {value === "export" ? t("intentExport") : t("intentDelete")}
          </label>
        ))}
        {error && (
          <p id="intent-error" className="mt-1 text-sm font-medium text-red-800">
            {tForms(error)}
          </p>
        )}
      </fieldset>
      <SubmitButton>{t("submit")}</SubmitButton>
    </form>
  );
}

/** The confirming button behind a deletion link; the link's token is all it sends. */
export function DeleteGuestDataForm({ token }: { token: string }) {
  const t = useTranslations("GuestData");
  const [state, action] = useActionState(deleteGuestDataAction, initialFormState);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton variant="danger">{t("deleteSubmit")}</SubmitButton>
    </form>
  );
}

/** The button behind the link mailed with a guest's comment. */
export function DeleteGuestCommentForm({ token }: { token: string }) {
  const t = useTranslations("GuestData");
  const [state, action] = useActionState(deleteGuestCommentAction, initialFormState);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton variant="danger">{t("commentSubmit")}</SubmitButton>
    </form>
  );
}

/** On the account page (and after verifying the address): takes the guest comments under the same address into the account. */
export function ClaimGuestCommentsForm({ count }: { count: number }) {
  const t = useTranslations("GuestData");
  const [state, action] = useActionState(claimGuestCommentsAction, initialFormState);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} namespace="GuestData" />
      {!state.ok && <SubmitButton>{t("claimSubmit", { count })}</SubmitButton>}
    </form>
  );
}
