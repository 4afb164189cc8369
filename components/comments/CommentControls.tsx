"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useId, useOptimistic, useState } from "react";

import { deleteCommentAction, reportCommentAction, setDiscussionOpenAction, toggleReactionAction } from "@/actions/comments";
import type { FormState } from "@/lib/forms/state";
import type { FormsKey } from "@/lib/i18n/keys";

import { useEnhancedForm } from "./useEnhancedForm";

const initial: FormState = { ok: false };

// The translator is looked up only when there is an error: every comment's like button has this line.
function ErrorLine({ state }: { state: FormState }) {
  if (state.ok || !state.message) return null;
  return <ErrorMessage message={state.message} values={state.messageValues} />;
}

function ErrorMessage({ message, values }: { message: FormsKey; values: FormState["messageValues"] }) {
  const t = useTranslations("Forms");
  return (
    <p role="alert" className="basis-full text-sm text-red-800">
      {t(message, values)}
    </p>
  );
}

function Hidden({ values }: { values: Record<string, string> }) {
  return Object.entries(values).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
}

/** "Gefällt mir": toggled at once on screen, confirmed (or rolled back) by the server. */
export function LikeButton({
  articleId,
  commentId,
  liked,
  count,
}: {
  articleId: string;
  commentId: string;
  liked: boolean;
  count: number;
}) {
  const t = useTranslations("Comments");
  const [shown, setShown] = useOptimistic({ liked, count });
  const { state, formAction, onSubmit } = useEnhancedForm(toggleReactionAction, initial, {
    onOptimistic: () => setShown({ liked: !shown.liked, count: shown.count + (shown.liked ? -1 : 1) }),
  });
  return (
    <form action={formAction} onSubmit={onSubmit} className="inline-flex flex-wrap items-center">
      <Hidden values={{ articleId, commentId }} />
      <button
        type="submit"
        aria-pressed={shown.liked}
        className={`inline-flex items-center gap-1 rounded px-1.5 py-0.5 hover:text-accent ${shown.liked ? "font-semibold text-accent" : ""}`}
      >
        <span aria-hidden="true">{shown.liked ? "♥" : "♡"}</span>
        {t("like")}
        <span className="tabular-nums">{shown.count > 0 ? ` · ${shown.count}` : ""}</span>
        <span className="sr-only">{t("likeCount", { count: shown.count })}</span>
      </button>
      <ErrorLine state={state} />
    </form>
  );
}

export function DeleteCommentButton({ articleId, commentId }: { articleId: string; commentId: string }) {
  const t = useTranslations("Comments");
  const { state, formAction, onSubmit } = useEnhancedForm(deleteCommentAction, initial);
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (!window.confirm(t("confirmDelete"))) event.preventDefault();
        else onSubmit(event);
      }}
      className="inline-flex flex-wrap"
    >
      <Hidden values={{ articleId, commentId }} />
      <button type="submit" className="rounded px-1.5 py-0.5 hover:text-red-800">
        {t("delete")}
      </button>
      <ErrorLine state={state} />
    </form>
  );
}

const REASONS = ["SPAM", "ABUSE", "ILLEGAL", "OFF_TOPIC", "OTHER"] as const;

/** Reporting a comment to the editors: a reason, and words of one's own when the reason is "other". */
export function ReportForm({ articleId, commentId, cancelHref }: { articleId: string; commentId: string; cancelHref: string }) {
  const t = useTranslations("Comments");
  const tForms = useTranslations("Forms");
  const id = useId();
  const { state, formAction, onSubmit, pending } = useEnhancedForm(reportCommentAction, initial);
  const [reason, setReason] = useState(state.values?.reason ?? "");
  const detailsError = state.fieldErrors?.details;
  return (
    <form action={formAction} onSubmit={onSubmit} className="mt-3 space-y-3 rounded border border-rule bg-stone-50 p-3 font-sans text-sm">
      <Hidden values={{ articleId, commentId }} />
      <fieldset>
        <legend className="font-semibold">{t("reportLegend")}</legend>
        <div className="mt-2 space-y-1">
          {REASONS.map((value) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="reason" value={value} checked={reason === value} onChange={() => setReason(value)} />
              {t(`reason.${value}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={`${id}-details`} className="block font-semibold">
          {t("reportDetails")}
        </label>
        <textarea
          id={`${id}-details`}
          name="details"
          rows={2}
          defaultValue={state.values?.details}
          aria-invalid={detailsError ? true : undefined}
          aria-describedby={detailsError ? `${id}-details-error` : undefined}
          className="mt-1 block w-full rounded border border-stone-400 bg-white px-2 py-1 text-base"
        />
        {detailsError && (
          <p id={`${id}-details-error`} className="mt-1 text-red-800">
            {tForms(detailsError, state.messageValues)}
          </p>
        )}
      </div>
      {!detailsError && <ErrorLine state={state} />}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-ink px-3 py-1.5 font-semibold text-white hover:bg-accent disabled:opacity-60"
        >
          {t("reportSubmit")}
        </button>
        <Link href={cancelHref} scroll={false} className="text-muted underline hover:text-accent">
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}

/** Editors and admins close or reopen the discussion under an article. */
export function DiscussionSwitch({ articleId, open }: { articleId: string; open: boolean }) {
  const t = useTranslations("Comments");
  const { state, formAction } = useEnhancedForm(setDiscussionOpenAction, initial);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2 font-sans text-sm">
      <Hidden values={{ articleId, open: open ? "0" : "1" }} />
      <button type="submit" className="rounded border border-stone-400 bg-white px-3 py-1 font-semibold hover:border-ink">
        {open ? t("closeDiscussion") : t("reopenDiscussion")}
      </button>
      <ErrorLine state={state} />
    </form>
  );
}
