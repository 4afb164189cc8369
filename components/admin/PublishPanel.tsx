"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";

import { deleteArticleAction, publishArticleAction, unpublishArticleAction, type ArticleFormState } from "@/actions/articles";
import { articlePath } from "@/lib/articles/paths";
import type { FormsKey } from "@/lib/i18n/keys";

import type { EditorState, SaveState } from "./editor-state";

const BUTTON = "rounded px-3 py-1.5 text-sm font-semibold disabled:opacity-60";
const PRIMARY = `${BUTTON} bg-ink text-white hover:bg-accent`;
const QUIET = `${BUTTON} border border-stone-400 bg-white text-ink hover:border-ink`;

/** The editor's bar: save state, preview, publish now or at a time, take back, delete. */
export function PublishPanel({
  state,
  live,
  saveState,
  hasTitle,
  onSave,
  onChanged,
  onError,
}: {
  state: EditorState;
  live: boolean;
  saveState: SaveState;
  hasTitle: boolean;
  onSave: () => Promise<ArticleFormState | null>;
  onChanged: (next: Partial<EditorState>) => void;
  onError: (messageKey: FormsKey) => void;
}) {
  const t = useTranslations("Articles");
  const format = useFormatter();
  const [pending, startTransition] = useTransition();
  const [publishAt, setPublishAt] = useState("");
  const [confirmDelete, setConfirmDelete] = useState(false);

  /** Saves the fields first, so what goes public is what is on screen. */
  const run = (action: (id: string) => Promise<ArticleFormState>) =>
    startTransition(async () => {
      const saved = await onSave();
      if (!saved?.ok) return;
      const result = await action(saved.id).catch((): ArticleFormState => ({ ok: false, message: "networkError" }));
      if (result.ok) onChanged({ status: result.status as EditorState["status"], publishedAt: result.publishedAt ?? state.publishedAt });
      else onError(result.message);
    });

  const when = state.publishedAt ? format.dateTime(new Date(state.publishedAt), { dateStyle: "medium", timeStyle: "short" }) : null;
  const statusLine =
    state.status === "PUBLISHED"
      ? t("publishedAt", { date: when ?? "" })
      : state.status === "SCHEDULED"
        ? t("scheduledFor", { date: when ?? "" })
        : t("statuses.DRAFT");
  const saveLine =
    saveState.kind === "saving"
      ? t("saving")
      : saveState.kind === "saved" && saveState.at
        ? t("savedAt", { time: format.dateTime(new Date(saveState.at), { timeStyle: "short" }) })
        : saveState.kind === "dirty"
          ? t("unsaved")
          : saveState.kind === "failed"
            ? t("notSaved")
            : "";

  return (
    <section
      aria-label={t("publishing")}
      className="sticky top-0 z-10 -mx-2 rounded border border-rule bg-white/95 px-3 py-3 shadow-sm backdrop-blur"
    >
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <p className="text-sm">
          <strong data-testid="article-status">{statusLine}</strong>
          <span className="ml-3 text-muted" role="status" aria-live="polite">
            {saveLine}
          </span>
        </p>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <button
            type="button"
            className={live ? PRIMARY : QUIET}
            disabled={!hasTitle || pending || saveState.kind === "saving"}
            onClick={() => void onSave()}
          >
            {live ? t("update") : t("saveDraft")}
          </button>
          {state.id && (
            <a href={`/admin/artikel/${state.id}/vorschau`} target="_blank" rel="noopener" className={QUIET}>
              {t("preview")}
            </a>
          )}
          {live && state.savedSlug && (
            <a href={articlePath(state.savedSlug)} className={QUIET}>
              {t("viewLive")}
            </a>
          )}
          {!live && (
            <button
              type="button"
              className={PRIMARY}
              disabled={!hasTitle || pending}
              onClick={() => run((id) => publishArticleAction(id, null))}
            >
              {t("publishNow")}
            </button>
          )}
          {state.status !== "DRAFT" && (
            <button type="button" className={QUIET} disabled={pending || !state.id} onClick={() => run((id) => unpublishArticleAction(id))}>
              {t("unpublish")}
            </button>
          )}
        </div>
      </div>
      {!live && (
        <form
          className="mt-3 flex flex-wrap items-end gap-2 border-t border-rule pt-3"
          onSubmit={(event) => {
            event.preventDefault();
            if (!publishAt) return;
            run((id) => publishArticleAction(id, new Date(publishAt).toISOString()));
          }}
        >
          <div>
            <label htmlFor="article-publish-at" className="block text-sm font-semibold">
              {t("scheduleLabel")}
            </label>
            <input
              id="article-publish-at"
              type="datetime-local"
              required
              value={publishAt}
              onChange={(e) => setPublishAt(e.target.value)}
              className="mt-1 rounded border border-stone-400 bg-white px-2 py-1 text-sm"
            />
          </div>
          <button type="submit" className={QUIET} disabled={!hasTitle || pending}>
            {t("schedule")}
          </button>
          <div className="ml-auto">
            {!confirmDelete
              ? state.id && (
                  <button type="button" className="text-sm text-red-800 underline" onClick={() => setConfirmDelete(true)}>
                    {t("delete")}
                  </button>
                )
              : null}
          </div>
        </form>
      )}
      {live && state.id && !confirmDelete && (
        <div className="mt-2 text-right">
          <button type="button" className="text-sm text-red-800 underline" onClick={() => setConfirmDelete(true)}>
            {t("delete")}
          </button>
        </div>
      )}
      {confirmDelete && state.id && (
        <div
          role="alertdialog"
          aria-labelledby="delete-question"
          className="mt-3 flex flex-wrap items-center gap-2 rounded border border-red-700 bg-red-50 px-3 py-2"
        >
          <p id="delete-question" className="text-sm text-red-900">
            {t("deleteQuestion")}
          </p>
          <button
            type="button"
            autoFocus
            className={`${BUTTON} bg-red-800 text-white hover:bg-red-900`}
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                // Success navigates to the list; only a refusal comes back.
                const result = await deleteArticleAction(state.id!).catch((): ArticleFormState => ({ ok: false, message: "networkError" }));
                if (!result.ok) onError(result.message);
              })
            }
          >
            {t("deleteConfirm")}
          </button>
          <button type="button" className={QUIET} onClick={() => setConfirmDelete(false)}>
            {t("cancel")}
          </button>
        </div>
      )}
    </section>
  );
}
