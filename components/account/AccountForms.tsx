"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import {
  changeEmailAction,
  changeNameAction,
  changePasswordAction,
  deleteAccountAction,
  resendVerificationAction,
} from "@/actions/account";
import { Field, FormMessage, SubmitButton } from "@/components/ui/forms";
import { initialFormState } from "@/lib/forms/state";

export function NameForm({ name }: { name: string }) {
  const t = useTranslations("Account");
  const [state, action] = useActionState(changeNameAction, initialFormState);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} namespace="Account" />
      <Field name="name" label={t("displayName")} autoComplete="nickname" defaultValue={name} state={state} />
      <SubmitButton variant="quiet">{t("saveName")}</SubmitButton>
    </form>
  );
}

export function EmailForm() {
  const t = useTranslations("Account");
  const [state, action] = useActionState(changeEmailAction, initialFormState);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} namespace="Account" />
      <Field name="email" type="email" label={t("newEmail")} autoComplete="email" inputMode="email" state={state} />
      <SubmitButton variant="quiet">{t("changeEmail")}</SubmitButton>
    </form>
  );
}

export function ResendVerificationForm() {
  const t = useTranslations("Account");
  const [state, action] = useActionState(resendVerificationAction, initialFormState);
  return (
    <form action={action} className="space-y-2">
      <FormMessage state={state} namespace="Account" />
      <SubmitButton variant="quiet">{t("resend")}</SubmitButton>
    </form>
  );
}

export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const t = useTranslations("Account");
  const tAuth = useTranslations("Auth");
  const [state, action] = useActionState(changePasswordAction, initialFormState);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} namespace="Account" />
      {hasPassword ? (
        <Field name="currentPassword" type="password" label={t("currentPassword")} autoComplete="current-password" state={state} />
      ) : (
        <p className="font-sans text-sm text-muted">{t("setPasswordHint")}</p>
      )}
      <Field
        name="newPassword"
        type="password"
        label={t("newPassword")}
        hint={tAuth("passwordHint")}
        autoComplete="new-password"
        state={state}
      />
      <SubmitButton variant="quiet">{t("savePassword")}</SubmitButton>
    </form>
  );
}

export function DeleteAccountForm() {
  const t = useTranslations("Account");
  const [state, action] = useActionState(deleteAccountAction, initialFormState);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage state={state} />
      <Field name="confirmEmail" type="email" label={t("deleteConfirm")} autoComplete="off" state={state} />
      <SubmitButton variant="danger">{t("deleteSubmit")}</SubmitButton>
    </form>
  );
}
