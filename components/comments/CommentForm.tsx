"use client";

import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useOptimistic, useState } from "react";

import { editCommentAction, postCommentAction, type CommentFormState } from "@/actions/comments";
import { characterCount } from "@/lib/comments/policy";

import { useEnhancedForm } from "./useEnhancedForm";

const DRAFT_PREFIX = "agora:draft:";

/** Local storage can be full, blocked or absent; a draft is a kindness, never a reason to fail. */
function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export interface CommentFormProps {
  mode: "new" | "reply" | "edit";
  articleId: string;
  parentId?: string;
  commentId?: string;
  /** The text of the comment being edited. */
  initialBody?: string;
  /** A fresh idempotency key from the server, for the first submission. */
  initialKey: string;
  maxLength: number;
  /** Where "cancel" leads (reply and edit forms). */
  cancelHref?: string;
  /** Where signing in leads back to. */
  signInHref: string;
  /** Names whom a reply answers, for the label. */
  replyingTo?: string;
  /** When the server rendered the form (signed), for the bot rule on new comments and replies. */
  formStamp?: string;
}

/**
 * Writing a comment, a reply or an edit. Nothing typed is ever lost: the text is kept in the
 * form on every refusal, saved as a draft while typing (it survives a reload or an expired
 * session), and only cleared once the server has the comment.
 */
export function CommentForm(props: CommentFormProps) {
  const t = useTranslations("Comments");
  const tForms = useTranslations("Forms");
  const router = useRouter();
  const id = useId();
  const draftKey = props.mode === "edit" ? null : `${DRAFT_PREFIX}${props.articleId}:${props.parentId ?? "top"}`;
  const [key, setKey] = useState(props.initialKey);
  const [preview, setPreview] = useState<string | null>(null);
  const [optimisticText, showOptimistic] = useOptimistic<string | null>(null);

  const action = props.mode === "edit" ? editCommentAction : postCommentAction;
  const { state, formAction, onSubmit, pending } = useEnhancedForm<CommentFormState>(
    action,
    { ok: false },
    {
      onOptimistic(formData) {
        if (formData.get("intent") !== "preview") showOptimistic(String(formData.get("body") ?? ""));
      },
      onDone(result, formData) {
        if (formData.get("intent") === "preview") {
          setPreview(result.preview ?? "");
          return;
        }
        if (!result.ok) return;
        if (draftKey) storage()?.removeItem(draftKey);
        setBody("");
        setPreview(null);
        setKey(crypto.randomUUID());
        if (result.permalink) router.push(result.permalink);
      },
    },
  );

  const [body, setBody] = useState(state.values?.body ?? props.initialBody ?? "");

  // A draft from an earlier visit comes back, unless the form already holds text.
  useEffect(() => {
    if (!draftKey) return;
    const draft = storage()?.getItem(draftKey);
    if (draft) setBody((current) => current || draft);
  }, [draftKey]);

  function change(value: string) {
    setBody(value);
    setPreview(null);
    if (!draftKey) return;
    if (value.trim()) storage()?.setItem(draftKey, value);
    else storage()?.removeItem(draftKey);
  }

  const count = characterCount(body);
  const over = count > props.maxLength;
  const error = state.ok ? null : state.message;
  const fieldError = state.fieldErrors?.body;
  const shownPreview = preview ?? (state.ok && state.preview !== undefined ? state.preview : null);
  const label =
    props.mode === "edit" ? t("editLabel") : props.mode === "reply" ? t("replyLabel", { name: props.replyingTo ?? "" }) : t("formLabel");

  return (
    <div className="font-sans">
      <form action={formAction} onSubmit={onSubmit} className="space-y-2">
        <input type="hidden" name="articleId" value={props.articleId} />
        {props.parentId && <input type="hidden" name="parentId" value={props.parentId} />}
        {props.commentId && <input type="hidden" name="commentId" value={props.commentId} />}
        <input type="hidden" name="idempotencyKey" value={key} />
        {props.formStamp && <input type="hidden" name="formStamp" value={props.formStamp} />}
        {props.mode !== "edit" && (
          // A field people never see or reach; bots that fill in every field give themselves away.
          <div className="absolute -left-[10000px] h-px w-px overflow-hidden" aria-hidden="true">
            <label htmlFor={`${id}-website`}>Website</label>
            <input id={`${id}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
        )}
        <label htmlFor={`${id}-body`} className="block text-sm font-semibold">
          {label}
        </label>
        <textarea
          id={`${id}-body`}
          name="body"
          rows={props.mode === "new" ? 5 : 4}
          aria-required="true"
          // A reply or edit form opens because the reader asked for it: put them in it.
          autoFocus={props.mode !== "new"}
          value={body}
          onChange={(event) => change(event.target.value)}
          aria-invalid={fieldError || over ? true : undefined}
          aria-describedby={`${id}-help ${id}-count${fieldError ? ` ${id}-error` : ""}`}
          className="block w-full rounded border border-stone-400 bg-white px-3 py-2 text-base text-ink shadow-sm focus:border-accent focus:ring-2 focus:ring-accent/30 focus:outline-none aria-[invalid=true]:border-red-700"
        />
        <div className="flex flex-wrap items-baseline justify-between gap-2 text-xs text-muted">
          <p id={`${id}-help`}>{t("markdownHelp")}</p>
          <p id={`${id}-count`} className={over ? "font-semibold text-red-800" : undefined}>
            {t("counter", { count, max: props.maxLength })}
          </p>
        </div>
        {fieldError && (
          <p id={`${id}-error`} className="text-sm font-medium text-red-800">
            {tForms(fieldError, state.messageValues)}
          </p>
        )}
        {error && !fieldError && (
          <p role="alert" className="rounded border border-red-700 bg-red-50 px-3 py-2 text-sm text-red-900">
            {tForms(error, state.messageValues)}
            {error === "signInRequired" && (
              <>
                {" "}
                <Link href={props.signInHref} className="font-semibold underline">
                  {t("signIn")}
                </Link>
              </>
            )}
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            name="intent"
            value="post"
            disabled={pending}
            className="rounded bg-ink px-4 py-2 text-sm font-semibold text-white hover:bg-accent disabled:opacity-60"
          >
            {pending && optimisticText !== null
              ? tForms("sending")
              : props.mode === "edit"
                ? t("save")
                : props.mode === "reply"
                  ? t("submitReply")
                  : t("submit")}
          </button>
          <button
            type="submit"
            name="intent"
            value="preview"
            formNoValidate
            className="rounded border border-stone-400 bg-white px-4 py-2 text-sm font-semibold text-ink hover:border-ink"
          >
            {t("preview")}
          </button>
          {props.cancelHref && (
            <Link href={props.cancelHref} scroll={false} className="text-sm text-muted underline hover:text-accent">
              {t("cancel")}
            </Link>
          )}
        </div>
      </form>
      {shownPreview !== null && (
        <section aria-label={t("previewHeading")} className="mt-3 rounded border border-dashed border-stone-400 bg-stone-50 p-3">
          <h3 className="text-xs font-semibold tracking-wide text-muted uppercase">{t("previewHeading")}</h3>
          {shownPreview ? (
            // Rendered and sanitised on the server by the same code as published comments.
            <div className="prose prose-sm mt-1 max-w-none prose-a:text-accent" dangerouslySetInnerHTML={{ __html: shownPreview }} />
          ) : (
            <p className="mt-1 text-sm text-muted">{t("previewEmpty")}</p>
          )}
        </section>
      )}
      {optimisticText !== null && (
        <div aria-hidden="true" className="mt-3 rounded border border-rule bg-white p-3 opacity-70">
          <p className="text-xs text-muted">{t("sendingComment")}</p>
          <p className="mt-1 text-sm whitespace-pre-wrap">{optimisticText}</p>
        </div>
      )}
    </div>
  );
}
