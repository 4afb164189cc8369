"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { appealAction, notificationPrefsAction } from "@/actions/account";
import { FormMessage, SubmitButton } from "@/components/ui/forms";
import { initialFormState } from "@/lib/forms/state";

/** "Widerspruch einlegen": the person's grounds against a decision; what they typed survives a refusal. */
export function AppealForm({ noticeId }: { noticeId: string }) {
  const t = useTranslations("Notices");
  const tForms = useTranslations("Forms");
  const [state, formAction] = useActionState(appealAction, initialFormState);
  if (state.ok) return <FormMessage state={state} namespace="Notices" />;
  const error = state.fieldErrors?.text;
  return (
    <details className="mt-3" open={!!state.message}>
      <summary className="cursor-pointer text-sm font-semibold text-accent">{t("appeal")}</summary>
      <form action={formAction} className="mt-2 space-y-2">
        <input type="hidden" name="noticeId" value={noticeId} />
        <label htmlFor={`appeal-${noticeId}`} className="block text-sm font-semibold">
          {t("appealLabel")}
        </label>
        <textarea
          id={`appeal-${noticeId}`}
          name="text"
          rows={4}
          maxLength={2000}
          defaultValue={state.values?.text ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `appeal-${noticeId}-error` : undefined}
          className="block w-full rounded border border-stone-400 bg-white px-3 py-2"
        />
        {error && (
          <p id={`appeal-${noticeId}-error`} className="text-sm text-red-800">
            {tForms(error, state.messageValues)}
          </p>
        )}
        {!error && <FormMessage state={state} namespace="Notices" />}
        <SubmitButton>{t("appealSubmit")}</SubmitButton>
      </form>
    </details>
  );
}

/** The opt-in e-mails: replies to my comments, and (for editors) the pending-queue digest. */
export function NotificationPrefsForm({ replies, digest, staff }: { replies: boolean; digest: boolean; staff: boolean }) {
  const t = useTranslations("Notifications");
  const [state, formAction] = useActionState(notificationPrefsAction, initialFormState);
  return (
    <form action={formAction} className="space-y-2 font-sans text-sm">
      <label className="flex items-center gap-2">
        <input type="checkbox" name="notifyReplies" defaultChecked={replies} className="size-4" />
        {t("replies")}
      </label>
      {staff && (
        <label className="flex items-center gap-2">
          <input type="checkbox" name="notifyDigest" defaultChecked={digest} className="size-4" />
          {t("digest")}
        </label>
      )}
      <FormMessage state={state} namespace="Notifications" />
      <SubmitButton variant="quiet">{t("save")}</SubmitButton>
    </form>
  );
}
