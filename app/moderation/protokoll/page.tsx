import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";

import { reasonFormatter } from "@/components/moderation/reasonText";
import { FILTER_CONTROL, FilterField } from "@/components/ui/FilterField";
import { Pagination } from "@/components/ui/Pagination";
import { requirePermission } from "@/lib/accounts/session";
import { pathWithQuery } from "@/lib/http/query";
import { listLog } from "@/lib/moderation/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Moderation");
  return { title: `${t("logTitle")} – ${t("title")}` };
}

const show = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));

/** The audit trail: every moderation decision and settings change, who, when, before and after. Read-only. */
export default async function LogPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePermission("moderation.log", "/moderation/protokoll");
  const query = await searchParams;
  const action = query.aktion?.slice(0, 60) || undefined;
  const actor = query.wer?.slice(0, 100) || undefined;
  const target = query.ziel?.slice(0, 60) || undefined;
  const [t, format, describeReason, result] = await Promise.all([
    getTranslations("Moderation"),
    getFormatter(),
    reasonFormatter(),
    listLog({ action, actor, target, page: Number(query.seite ?? 1) }),
  ]);
  const actionLabel = (name: string) => {
    const key = `actions.${name.replace(".", "_")}` as "actions.comment_approve";
    return t.has(key) ? t(key) : name;
  };
  const href = (page: number) => pathWithQuery("/moderation/protokoll", { aktion: action, wer: actor, ziel: target, seite: page });
  return (
    <section aria-labelledby="log-title" className="mt-6">
      <h1 id="log-title" className="text-2xl font-bold">
        {t("logTitle")}
      </h1>
      <p className="mt-1 text-muted">{t("logIntro")}</p>
      <form className="mt-4 flex flex-wrap items-end gap-3 text-sm" aria-label={t("filter")}>
        <FilterField id="log-action" label={t("logAction")}>
          <select id="log-action" name="aktion" defaultValue={action ?? ""} className={FILTER_CONTROL}>
            <option value="">{t("allActions")}</option>
            {result.actions.map((name) => (
              <option key={name} value={name}>
                {actionLabel(name)}
              </option>
            ))}
          </select>
        </FilterField>
        <FilterField id="log-actor" label={t("logActor")}>
          <input id="log-actor" name="wer" type="search" defaultValue={actor ?? ""} className={`${FILTER_CONTROL} w-48`} />
        </FilterField>
        <FilterField id="log-target" label={t("logTarget")}>
          <input id="log-target" name="ziel" type="search" defaultValue={target ?? ""} className={`${FILTER_CONTROL} w-64`} />
        </FilterField>
        <button type="submit" className="rounded bg-ink px-4 py-2 font-semibold text-white hover:bg-accent">
          {t("filter")}
        </button>
      </form>
      <p className="mt-3 text-sm text-muted">{t("entries", { count: result.total })}</p>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3">
                {t("when")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("who")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("what")}
              </th>
              <th scope="col" className="py-2 pr-3">
                {t("target")}
              </th>
              <th scope="col" className="py-2">
                {t("details")}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.entries.map((entry) => (
              <tr key={entry.id} className="border-b border-rule align-top">
                <td className="py-2 pr-3 whitespace-nowrap">
                  {format.dateTime(entry.createdAt, { dateStyle: "short", timeStyle: "medium" })}
                </td>
                <td className="py-2 pr-3">
                  {entry.actor ? (entry.actor.name ?? entry.actor.email) : <span className="text-muted">{t("automatic")}</span>}
                </td>
                <td className="py-2 pr-3">
                  {actionLabel(entry.action)}
                  {entry.reason && <span className="block text-muted">{describeReason(entry.reason)}</span>}
                </td>
                <td className="py-2 pr-3 font-mono text-xs break-all">
                  {entry.targetType}:{entry.targetId}
                </td>
                <td className="max-w-md py-2 font-mono text-xs break-words">
                  {show(entry.before)}
                  {entry.before !== null && entry.after !== null && " → "}
                  {show(entry.after)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={result.page} pages={result.pages} href={href} />
    </section>
  );
}
