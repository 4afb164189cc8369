"use client";

import { useCallback, useEffect, useRef, useState } from "react";

import { saveArticleAction, type ArticleFormState } from "@/actions/articles";
import { parseTagList, type ArticleInput } from "@/lib/articles/schema";
import { slugify } from "@/lib/articles/slug";
import type { FieldErrors } from "@/lib/forms/state";

import type { EditorState, EditorValues, SaveState } from "./editor-state";

const AUTOSAVE_MS = 1500;
const RETRY_MS = 5000;

function toInput(values: EditorValues): ArticleInput {
  return { ...values, tags: parseTagList(values.tags) };
}

/**
 * The article as it is being edited, and its saving: drafts save themselves a moment after each
 * change, a failed autosave is retried, and leaving with unsaved changes asks first.
 */
export function useArticleDraft(initial: EditorValues, initialState: EditorState) {
  const [values, setValues] = useState(initial);
  const [state, setState] = useState(initialState);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  // The slug follows the title until someone edits it, or the article has been public.
  const [slugTouched, setSlugTouched] = useState(initialState.status !== "DRAFT" || initial.slug !== slugify(initial.title));
  const revision = useRef(0);
  const inFlight = useRef<Promise<ArticleFormState | null> | null>(null);

  const live = state.status === "PUBLISHED";
  const dirty = save.kind === "dirty" || save.kind === "failed";

  const update = <K extends keyof EditorValues>(key: K, value: EditorValues[K]) => {
    revision.current += 1;
    setValues((current) => {
      const next = { ...current, [key]: value };
      if (key === "title" && !slugTouched) next.slug = slugify(String(value));
      return next;
    });
    // Field errors stay shown until a save succeeds; the next autosave tries again.
    setSave({ kind: "dirty" });
  };

  /** Saves what is in the form now; returns the server's answer (null when a save was already running). */
  const saveNow = useCallback(async (): Promise<ArticleFormState | null> => {
    if (inFlight.current) await inFlight.current;
    const sentRevision = revision.current;
    setSave({ kind: "saving" });
    const request: Promise<ArticleFormState> = saveArticleAction(state.id, toInput(values)).catch(() => ({
      ok: false,
      message: "networkError",
    }));
    inFlight.current = request;
    const result = await request;
    inFlight.current = null;
    if (result.ok) {
      setFieldErrors({});
      setState((current) => ({ ...current, id: result.id, savedSlug: result.slug }));
      if (!state.id) window.history.replaceState(null, "", `/admin/artikel/${result.id}`);
      setValues((current) => (current.slug ? current : { ...current, slug: result.slug }));
      setSave(revision.current === sentRevision ? { kind: "saved", at: result.savedAt } : { kind: "dirty" });
    } else {
      setFieldErrors(result.fieldErrors ?? {});
      setSave({ kind: "failed", error: result.message, values: result.messageValues });
    }
    return result;
  }, [state.id, values]);

  // Autosave drafts and scheduled articles; retry a failed save after a pause.
  useEffect(() => {
    if (live || !values.title.trim()) return;
    if (save.kind !== "dirty" && !(save.kind === "failed" && save.error === "networkError")) return;
    const timer = setTimeout(() => void saveNow(), save.kind === "failed" ? RETRY_MS : AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [values, save, live, saveNow]);

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  return { values, state, setState, save, setSave, fieldErrors, live, update, saveNow, touchSlug: () => setSlugTouched(true) };
}
