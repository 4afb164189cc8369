"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";

import { signUpAction } from "@/actions/account";
import { Field, FormMessage, SubmitButton } from "@/components/ui/forms";
import { initialFormState } from "@/lib/forms/state";

/** The sign-up form; once sent, the same "check your mail" answer for every address. `children` (other ways to sign up) go with the form. */
export function SignUpForm({ children }: { children?: React.ReactNode }) {
  const t = useTranslations("Auth");
  const [state, action] = useActionState(signUpAction, initialFormState);
  if (state.ok) return <SignUpSent email={String(state.messageValues?.email ?? "")} />;
  return (
    <>
      <form action={action} className="space-y-4" noValidate>
        <FormMessage state={state} />
        <Field name="name" label={t("name")} hint={t("nameHint")} autoComplete="nickname" state={state} />
        <Field name="email" type="email" label={t("email")} autoComplete="email" inputMode="email" state={state} />
        <Field name="password" type="password" label={t("password")} hint={t("passwordHint")} autoComplete="new-password" state={state} />
        <SubmitButton>{t("signUpSubmit")}</SubmitButton>
      </form>
      {children}
    </>
  );
}

function SignUpSent({ email }: { email: string }) {
  const t = useTranslations("Auth");
  const status = useRef<HTMLDivElement>(null);
  // The form the reader was in is gone; keyboard and screen-reader users continue from the answer.
  useEffect(() => status.current?.focus(), []);
  return (
    <div className="space-y-3 font-sans">
      <div
        ref={status}
        tabIndex={-1}
        role="status"
        className="rounded border border-green-700 bg-green-50 px-4 py-3 text-green-900 focus:outline-none"
      >
        <p className="text-lg font-semibold">{t("signUpSentTitle")}</p>
        <p className="mt-1">{t.rich("signUpSent", { email, address: (text) => <strong className="font-semibold">{text}</strong> })}</p>
      </div>
      <p className="text-sm text-muted">
        {t.rich("signUpSentHelp", {
          // A full page load, so the form starts empty again.
          link: (text) => (
            <a href="/registrieren" className="text-accent underline">
              {text}
            </a>
          ),
        })}
      </p>
    </div>
  );
}
