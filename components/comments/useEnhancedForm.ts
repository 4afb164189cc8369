"use client";

import { useActionState, useRef, useState, useTransition, type FormEvent } from "react";

import { echoValues, type FormState } from "@/lib/forms/state";

/**
 * A form that works twice over. Without JavaScript, `formAction` posts it as a plain form to the
 * server action (progressive enhancement). With JavaScript, `onSubmit` calls the same action
 * itself: it marks the submission "enhanced" (so the action answers instead of redirecting),
 * ignores a second submit while one is under way, lets the caller show an optimistic result, and
 * turns a network failure into a message while the form keeps what was typed.
 */
export function useEnhancedForm<S extends FormState>(
  action: (prev: S, formData: FormData) => Promise<S>,
  initialState: S,
  options: { onOptimistic?: (formData: FormData) => void; onDone?: (state: S, formData: FormData) => void } = {},
) {
  const [serverState, formAction] = useActionState<S, FormData>(
    action as (prev: Awaited<S>, formData: FormData) => Promise<S>,
    initialState as Awaited<S>,
  );
  const [clientState, setClientState] = useState<S | null>(null);
  const [pending, startTransition] = useTransition();
  const busy = useRef(false);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy.current) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter instanceof HTMLButtonElement ? submitter : null);
    formData.set("enhanced", "1");
    busy.current = true;
    startTransition(async () => {
      options.onOptimistic?.(formData);
      let next: S;
      try {
        next = await action(clientState ?? serverState, formData);
      } catch {
        next = { ...initialState, ok: false, message: "networkError", values: echoValues(formData) };
      }
      busy.current = false;
      setClientState(next);
      options.onDone?.(next, formData);
    });
  }

  return { state: clientState ?? serverState, formAction, onSubmit, pending, reset: () => setClientState(null) };
}
