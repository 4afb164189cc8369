"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { requestResetAction, resetPasswordAction } from "@/actions/account";
import { Field, FormMessage, SubmitButton } from "@/components/ui/forms";
import { initialFormState } from "@/lib/forms/state";

export function ResetRequestForm() {
  const t = useTranslations("Auth");
  const [state, action] = useActionState(requestResetAction, initialFormState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} namespace="Auth" />
      <Field name="email" type="email" label={t("email")} autoComplete="email" inputMode="email" state={state} />
      <SubmitButton>{t("resetRequestSubmit")}</SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("Auth");
  const [state, action] = useActionState(resetPasswordAction, initialFormState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <Field name="password" type="password" label={t("newPassword")} hint={t("passwordHint")} autoComplete="new-password" state={state} />
      <SubmitButton>{t("resetSubmit")}</SubmitButton>
    </form>
  );
}
