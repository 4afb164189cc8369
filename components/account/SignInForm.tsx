"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState } from "react";

import { signInAction } from "@/actions/account";
import { Field, FormMessage, SubmitButton } from "@/components/ui/forms";
import { initialFormState } from "@/lib/forms/state";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("Auth");
  const [state, action] = useActionState(signInAction, initialFormState);
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field name="email" type="email" label={t("email")} autoComplete="email" inputMode="email" state={state} />
      <Field name="password" type="password" label={t("password")} autoComplete="current-password" state={state} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <SubmitButton>{t("signInSubmit")}</SubmitButton>
        <Link href="/passwort-vergessen" className="font-sans text-sm text-accent underline">
          {t("forgot")}
        </Link>
      </div>
    </form>
  );
}
