"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";

import { queueAction } from "@/actions/moderation";
import { initialFormState } from "@/lib/forms/state";
import { MODERATION_REASONS } from "@/lib/moderation/policy";
import type { Queue } from "@/lib/moderation/queues";

/** One comment in a queue, prepared on the server (body already rendered and sanitised). */
export interface QueueItemView {
  id: string;
  bodyHtml: string;
  body: string;
  status: string;
  featured: boolean;
  createdAt: string;
  createdLabel: string;
  permalink: string;
  article: { title: string; href: string };
  parent: { author: string; excerpt: string } | null;
  author: {
    name: string;
    email: string | null;
    record: string;
    actions: number;
    banned: boolean;
    premoderated: boolean;
    peopleHref: string;
  } | null;
  /** Why it is in the queue: the rules that fired and the open reports, in the editor's language. */
  reasons: string[];
  reports: Array<{ reason: string; details: string | null }>;
}

const KEYS_IGNORED_IN = new Set(["INPUT", "TEXTAREA", "SELECT", "BUTTON"]);

/**
 * A queue an editor can work without the mouse: j/k move between comments, a approves, r opens
 * the rejection with its reason list, s files as spam, f features, x selects, ? shows the keys.
 * Every control is also an ordinary form that works with a pointer (and without JavaScript).
 */
export function ModerationQueue({ queue, items }: { queue: Queue; items: QueueItemView[] }) {
  const t = useTranslations("Moderation");
  const tReasons = useTranslations("ModerationReasons");
  const tForms = useTranslations("Forms");
  const [state, formAction, pending] = useActionState(queueAction, initialFormState);
  const [active, setActive] = useState(-1);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const listRef = useRef<HTMLOListElement>(null);
  const helpRef = useRef<HTMLDialogElement>(null);
  const itemIds = items.map((item) => item.id).join(",");

  // After a decision the comment leaves the queue: keep the place, so the next one is ready.
  const [seenIds, setSeenIds] = useState(itemIds);
  if (seenIds !== itemIds) {
    setSeenIds(itemIds);
    setActive((current) => Math.min(current, items.length - 1));
    setSelected((current) => new Set([...current].filter((id) => items.some((item) => item.id === id))));
    setRejecting(null);
    setEditing(null);
  }

  useEffect(() => {
    if (active < 0) return;
    const element = listRef.current?.querySelectorAll<HTMLElement>("[data-queue-item]")[active];
    if (element && !element.contains(document.activeElement)) element.focus();
  }, [active, itemIds]);

  useEffect(() => {
    if (!rejecting) return;
    document.getElementById(`reason-${rejecting}`)?.focus();
  }, [rejecting]);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement;
      if (KEYS_IGNORED_IN.has(target.tagName) || target.isContentEditable) return;
      if (helpRef.current?.open) return;
      const current = active < 0 ? 0 : active;
      const item = items[current];
      const click = (action: string) =>
        document.querySelector<HTMLButtonElement>(`[data-item-action="${action}"][data-for="${item?.id}"]`)?.click();
      switch (event.key) {
        case "j":
          setActive(Math.min(items.length - 1, active + 1));
          break;
        case "k":
          setActive(Math.max(0, active - 1));
          break;
        case "a":
          setActive(current);
          click("approve");
          break;
        case "s":
          setActive(current);
          click("spam");
          break;
        case "f":
          setActive(current);
          click("feature");
          break;
        case "r":
          if (!item) return;
          setActive(current);
          setRejecting(item.id);
          break;
        case "x":
          if (!item) return;
          setActive(current);
          toggle(item.id);
          break;
        case "?":
          helpRef.current?.showModal();
          break;
        default:
          return;
      }
      event.preventDefault();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  });

  function toggle(id: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  const button = "rounded border px-3 py-1.5 text-sm font-semibold disabled:opacity-50";
  const message = state.message
    ? state.ok
      ? t(state.message as "bulkDone", state.messageValues as never)
      : tForms(state.message as "unexpected", state.messageValues as never)
    : "";
  const reasonOptions = MODERATION_REASONS.map((reason) => (
    <option key={reason} value={reason}>
      {tReasons(reason)}
    </option>
  ));

  return (
    <div>
      <p className="mt-2 text-sm text-muted">
        {t("shortcutsHint")}{" "}
        <button type="button" onClick={() => helpRef.current?.showModal()} className="underline hover:text-accent">
          ?
        </button>
      </p>
      <p role="status" aria-live="polite" className={`mt-3 min-h-6 text-sm font-semibold ${state.ok ? "text-green-800" : "text-red-800"}`}>
        {message}
      </p>

      {items.length > 0 && (
        <form
          id="bulk-form"
          action={formAction}
          className="mt-2 flex flex-wrap items-center gap-2 rounded border border-rule bg-stone-50 p-3 text-sm"
        >
          <label className="mr-2 flex items-center gap-2">
            <input
              type="checkbox"
              checked={selected.size === items.length}
              onChange={(event) => setSelected(event.target.checked ? new Set(items.map((item) => item.id)) : new Set())}
              className="size-4"
            />
            {t("selectAll")}
          </label>
          <span className="mr-2 text-muted">{t("selected", { count: selected.size })}</span>
          <button
            type="submit"
            name="decision"
            value="approve"
            disabled={pending || selected.size === 0}
            className={`${button} border-green-800 text-green-900 hover:bg-green-50`}
          >
            {t("bulkApprove")}
          </button>
          <button
            type="submit"
            name="decision"
            value="spam"
            disabled={pending || selected.size === 0}
            className={`${button} border-stone-500 hover:bg-stone-100`}
          >
            {t("bulkSpam")}
          </button>
          <label className="sr-only" htmlFor="bulk-reason">
            {t("bulkReason")}
          </label>
          <select id="bulk-reason" name="reason" defaultValue="" className="rounded border border-stone-400 bg-white px-2 py-1.5">
            <option value="">{t("chooseReason")}</option>
            {reasonOptions}
          </select>
          <button
            type="submit"
            name="decision"
            value="reject"
            disabled={pending || selected.size === 0}
            className={`${button} border-red-800 text-red-900 hover:bg-red-50`}
          >
            {t("bulkReject")}
          </button>
        </form>
      )}

      {items.length === 0 ? (
        <p className="mt-8 rounded border border-rule bg-white p-6 text-center text-muted">{t("emptyQueue")}</p>
      ) : (
        <ol ref={listRef} className="mt-4 space-y-4">
          {items.map((item, index) => (
            <li key={item.id}>
              <article
                data-queue-item
                tabIndex={-1}
                aria-labelledby={`item-${item.id}-author`}
                onFocus={() => setActive(index)}
                className={`rounded border bg-white p-4 outline-none ${index === active ? "border-accent ring-2 ring-accent/40" : "border-rule"}`}
              >
                <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
                  <input
                    type="checkbox"
                    form="bulk-form"
                    name="commentIds"
                    value={item.id}
                    checked={selected.has(item.id)}
                    onChange={() => toggle(item.id)}
                    aria-label={t("select", { name: item.author?.name ?? "–" })}
                    className="size-4 self-center"
                  />
                  <span id={`item-${item.id}-author`} className="font-semibold">
                    {item.author?.name ?? "–"}
                  </span>
                  {item.author?.banned && (
                    <span className="rounded bg-red-100 px-1.5 text-xs font-semibold text-red-900">{t("bannedBadge")}</span>
                  )}
                  {item.author?.premoderated && (
                    <span className="rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-950">{t("premoderatedBadge")}</span>
                  )}
                  {item.featured && <span className="rounded bg-accent px-1.5 text-xs font-semibold text-white">{t("feature")}</span>}
                  <a href={item.permalink} className="text-muted hover:text-accent">
                    <time dateTime={item.createdAt}>{item.createdLabel}</time>
                  </a>
                  <span className="text-muted">
                    {t("onArticle")}{" "}
                    <a href={item.article.href} className="underline hover:text-accent">
                      {item.article.title}
                    </a>
                  </span>
                  <span className="text-muted">{t("statusLabel", { status: t(`status.${item.status as "PENDING"}`) })}</span>
                </header>

                {item.parent && (
                  <blockquote className="mt-2 border-l-4 border-stone-300 pl-3 text-sm text-muted">
                    <span className="font-semibold">{t("inReplyTo", { name: item.parent.author })}</span> {item.parent.excerpt}
                  </blockquote>
                )}

                {editing === item.id ? (
                  <form action={formAction} className="mt-2 space-y-2">
                    <input type="hidden" name="intent" value="edit" />
                    <input type="hidden" name="commentId" value={item.id} />
                    <label htmlFor={`edit-${item.id}`} className="block text-sm font-semibold">
                      {t("editLabel")}
                    </label>
                    <textarea
                      id={`edit-${item.id}`}
                      name="body"
                      defaultValue={item.body}
                      rows={5}
                      autoFocus
                      className="block w-full rounded border border-stone-400 px-3 py-2"
                    />
                    <div className="flex gap-2">
                      <button type="submit" disabled={pending} className={`${button} border-ink bg-ink text-white hover:bg-accent`}>
                        {t("saveEdit")}
                      </button>
                      <button type="button" onClick={() => setEditing(null)} className={`${button} border-stone-400`}>
                        {t("cancel")}
                      </button>
                    </div>
                  </form>
                ) : (
                  <div
                    className="prose prose-sm mt-2 max-w-none font-serif prose-a:text-accent"
                    dangerouslySetInnerHTML={{ __html: item.bodyHtml }}
                  />
                )}

                <div className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
                  <div>
                    <p className="font-semibold">{t("why")}</p>
                    <ul className="mt-1 list-disc pl-5">
                      {item.reasons.map((reason, i) => (
                        <li key={i}>{reason}</li>
                      ))}
                      {item.reports.map((report, i) => (
                        <li key={`r${i}`}>
                          {report.reason}
                          {report.details && <span className="text-muted"> – „{report.details}“</span>}
                        </li>
                      ))}
                      {item.reasons.length === 0 && item.reports.length === 0 && <li className="text-muted">{t("noReason")}</li>}
                    </ul>
                    {item.reports.length > 0 && (
                      <p className="mt-1 font-semibold text-red-900">{t("reports", { count: item.reports.length })}</p>
                    )}
                  </div>
                  {item.author && (
                    <div>
                      <p className="font-semibold">{t("author")}</p>
                      <p className="mt-1 break-all">{item.author.email}</p>
                      <p className="text-muted">{item.author.record}</p>
                      {item.author.actions > 0 && <p className="text-red-900">{t("previousActions", { count: item.author.actions })}</p>}
                      <a href={item.author.peopleHref} className="underline hover:text-accent">
                        {t("users")} →
                      </a>
                    </div>
                  )}
                </div>

                <div className="mt-3 flex flex-wrap gap-2">
                  <form action={formAction} className="contents">
                    <input type="hidden" name="commentId" value={item.id} />
                    {item.status !== "APPROVED" || item.reports.length > 0 ? (
                      <button
                        type="submit"
                        name="decision"
                        value="approve"
                        data-item-action="approve"
                        data-for={item.id}
                        disabled={pending}
                        className={`${button} border-green-800 bg-green-800 text-white hover:bg-green-900`}
                      >
                        {queue === "reported" ? t("keep") : t("approve")} <kbd className="ml-1 text-xs opacity-75">a</kbd>
                      </button>
                    ) : null}
                    <button
                      type="button"
                      aria-expanded={rejecting === item.id}
                      aria-controls={`reject-${item.id}`}
                      onClick={() => setRejecting(rejecting === item.id ? null : item.id)}
                      className={`${button} border-red-800 text-red-900 hover:bg-red-50`}
                    >
                      {t("reject")} <kbd className="ml-1 text-xs opacity-75">r</kbd>
                    </button>
                    {item.status !== "SPAM" && (
                      <button
                        type="submit"
                        name="decision"
                        value="spam"
                        data-item-action="spam"
                        data-for={item.id}
                        disabled={pending}
                        className={`${button} border-stone-500 hover:bg-stone-100`}
                      >
                        {t("spam")} <kbd className="ml-1 text-xs opacity-75">s</kbd>
                      </button>
                    )}
                  </form>
                  {item.status === "APPROVED" && (
                    <form action={formAction} className="contents">
                      <input type="hidden" name="intent" value="feature" />
                      <input type="hidden" name="commentId" value={item.id} />
                      <input type="hidden" name="featured" value={item.featured ? "0" : "1"} />
                      <button
                        type="submit"
                        data-item-action="feature"
                        data-for={item.id}
                        disabled={pending}
                        className={`${button} border-accent text-accent hover:bg-highlight`}
                      >
                        {item.featured ? t("unfeature") : t("feature")} <kbd className="ml-1 text-xs opacity-75">f</kbd>
                      </button>
                    </form>
                  )}
                  <button type="button" onClick={() => setEditing(item.id)} className={`${button} border-stone-400 hover:bg-stone-100`}>
                    {t("edit")}
                  </button>
                </div>

                {rejecting === item.id && (
                  <form
                    id={`reject-${item.id}`}
                    action={formAction}
                    className="mt-3 space-y-2 rounded border border-red-200 bg-red-50 p-3 text-sm"
                  >
                    <fieldset>
                      <legend className="font-semibold">{t("rejectLegend")}</legend>
                      <input type="hidden" name="commentId" value={item.id} />
                      <input type="hidden" name="decision" value="reject" />
                      <label htmlFor={`reason-${item.id}`} className="mt-2 block">
                        {t("reason")}
                      </label>
                      <select
                        id={`reason-${item.id}`}
                        name="reason"
                        required
                        defaultValue=""
                        onKeyDown={(event) => {
                          if (event.key === "Enter") {
                            event.preventDefault();
                            event.currentTarget.form?.requestSubmit();
                          } else if (event.key === "Escape") setRejecting(null);
                        }}
                        className="mt-1 rounded border border-stone-400 bg-white px-2 py-1.5"
                      >
                        <option value="">{t("chooseReason")}</option>
                        {reasonOptions}
                      </select>
                      <label htmlFor={`note-${item.id}`} className="mt-2 block">
                        {t("note")}
                      </label>
                      <textarea
                        id={`note-${item.id}`}
                        name="note"
                        rows={2}
                        maxLength={1000}
                        className="mt-1 block w-full rounded border border-stone-400 bg-white px-2 py-1.5"
                      />
                    </fieldset>
                    <div className="flex gap-2">
                      <button
                        type="submit"
                        disabled={pending}
                        className={`${button} border-red-800 bg-red-800 text-white hover:bg-red-900`}
                      >
                        {t("rejectSubmit")}
                      </button>
                      <button type="button" onClick={() => setRejecting(null)} className={`${button} border-stone-400 bg-white`}>
                        {t("cancel")}
                      </button>
                    </div>
                  </form>
                )}
              </article>
            </li>
          ))}
        </ol>
      )}

      <dialog
        ref={helpRef}
        aria-labelledby="shortcuts-title"
        className="m-auto rounded border border-rule p-6 font-sans shadow-xl backdrop:bg-black/40"
      >
        <h2 id="shortcuts-title" className="text-lg font-bold">
          {t("helpTitle")}
        </h2>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {(["j", "k", "a", "r", "s", "f", "x", "help"] as const).map((key) => (
            <div key={key} className="contents">
              <dt>
                <kbd className="rounded border border-stone-400 px-1.5 font-mono">{key === "help" ? "?" : key}</kbd>
              </dt>
              <dd>{t(`help.${key}`)}</dd>
            </div>
          ))}
        </dl>
        <form method="dialog" className="mt-4 text-right">
          <button type="submit" className={`${button} border-ink`}>
            {t("close")}
          </button>
        </form>
      </dialog>
    </div>
  );
}
