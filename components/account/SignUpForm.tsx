"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signUpAction } from "@/app/(account)/actions";
import { Field, FormMessage, SubmitButton } from "@/components/ui/forms";
import { initialFormState } from "@/lib/forms/state";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("Auth");
  const [state, action] = useActionState(signUpAction, initialFormState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field name="name" label={t("name")} hint={t("nameHint")} autoComplete="nickname" state={state} />
      <Field name="email" type="email" label={t("email")} autoComplete="email" inputMode="email" state={state} />
      <Field name="password" type="password" label={t("password")} hint={t("passwordHint")} autoComplete="new-password" state={state} />
      <SubmitButton>{t("signUpSubmit")}</SubmitButton>
    </form>
  );
}
