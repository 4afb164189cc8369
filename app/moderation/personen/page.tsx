import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";

import { PersonControls } from "@/components/moderation/PersonControls";
import { reasonFormatter } from "@/components/moderation/reasonText";
import { Pagination } from "@/components/ui/Pagination";
import { may } from "@/lib/accounts/permissions";
import { requirePermission } from "@/lib/accounts/session";
import { pathWithQuery } from "@/lib/http/query";
import { isPermanentBan } from "@/lib/moderation/policy";
import { listPeople, USER_FILTERS, type UserFilter } from "@/lib/moderation/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Moderation");
  return { title: `${t("usersTitle")} – ${t("title")}` };
}

/** People as moderators see them: their record, blocks with reasons and appeals, and the controls. */
export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePermission("people.restrict", "/moderation/personen");
  const query = await searchParams;
  const q = query.q?.slice(0, 100) ?? "";
  const filter: UserFilter = USER_FILTERS.find((f) => f === query.filter) ?? "all";
  const [t, tRoles, format, describeReason, result] = await Promise.all([
    getTranslations("Moderation"),
    getTranslations("Roles"),
    getFormatter(),
    reasonFormatter(),
    listPeople({ q, filter, page: Number(query.seite ?? 1) }),
  ]);
  const now = new Date();
  const href = (next: Partial<{ filter: string; page: number }>) => {
    const f = next.filter ?? filter;
    return pathWithQuery("/moderation/personen", {
      q,
      filter: f === "all" ? undefined : f,
      seite: next.page && next.page > 1 ? next.page : undefined,
    });
  };
  return (
    <section aria-labelledby="people-title" className="mt-6">
      <h1 id="people-title" className="text-2xl font-bold">
        {t("usersTitle")}
      </h1>
      <p className="mt-1 text-muted">{t("usersIntro")}</p>
      <form role="search" className="mt-4 flex flex-wrap items-end gap-2 text-sm">
        <div>
          <label htmlFor="people-search" className="block font-semibold">
            {t("search")}
          </label>
          <input
            id="people-search"
            name="q"
            type="search"
            defaultValue={q}
            className="mt-1 w-72 max-w-full rounded border border-stone-400 bg-white px-3 py-2"
          />
        </div>
        {filter !== "all" && <input type="hidden" name="filter" value={filter} />}
        <button type="submit" className="rounded bg-ink px-4 py-2 font-semibold text-white hover:bg-accent">
          {t("searchSubmit")}
        </button>
      </form>
      <ul className="mt-3 flex flex-wrap gap-2 text-sm">
        {USER_FILTERS.map((f) => (
          <li key={f}>
            <Link
              href={href({ filter: f })}
              aria-current={f === filter ? "page" : undefined}
              className="block rounded-full border border-stone-300 px-3 py-1 hover:border-ink aria-[current=page]:border-ink aria-[current=page]:bg-ink aria-[current=page]:text-white"
            >
              {t(`userFilter.${f}`)}
            </Link>
          </li>
        ))}
      </ul>
      {result.people.length === 0 ? (
        <p className="mt-6 text-muted">{t("noUsers")}</p>
      ) : (
        <ul className="mt-4 space-y-3">
          {result.people.map((person) => {
            const record = result.records.get(person.id);
            const banned = !!person.bannedUntil && person.bannedUntil > now;
            const appeal = person.notices[0];
            return (
              <li key={person.id} className="grid gap-3 rounded border border-rule bg-white p-4 md:grid-cols-[1fr_1.2fr]">
                <div className="text-sm">
                  <p className="text-base font-semibold">
                    {person.name ?? "–"} <span className="text-sm font-normal text-muted">({tRoles(person.role)})</span>
                  </p>
                  <p className="break-all">{person.email}</p>
                  <p className="text-muted">
                    {t("history", {
                      approved: record?.approved ?? 0,
                      rejected: record?.rejected ?? 0,
                      spam: record?.spam ?? 0,
                      since: format.dateTime(person.createdAt, { dateStyle: "medium" }),
                    })}
                  </p>
                  <p className={banned ? "font-semibold text-red-900" : "text-green-900"}>
                    {banned
                      ? isPermanentBan(person.bannedUntil!)
                        ? t("bannedForever")
                        : t("bannedUntil", { until: format.dateTime(person.bannedUntil!, { dateStyle: "medium", timeStyle: "short" }) })
                      : t("active")}
                    {banned && person.banReason && ` – ${describeReason(person.banReason)}`}
                  </p>
                  {person.alwaysPremoderate && <p className="text-amber-900">{t("premoderatedBadge")}</p>}
                  {appeal?.appealedAt && banned && (
                    <p className="mt-1 rounded bg-highlight p-2">
                      {t("appealFrom", { date: format.dateTime(appeal.appealedAt, { dateStyle: "medium" }), text: appeal.appeal ?? "" })}
                    </p>
                  )}
                  <Link href={`/moderation/protokoll?ziel=${person.id}`} className="underline hover:text-accent">
                    {t("log")} →
                  </Link>
                </div>
                {/* Whoever gives roles stands above moderation: restrictUser refuses them (cannotRestrict). */}
                {!may(person, "users.manage") && (
                  <PersonControls
                    userId={person.id}
                    name={person.name ?? person.email ?? ""}
                    banned={banned}
                    premoderated={person.alwaysPremoderate}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={result.page} pages={result.pages} href={(page) => href({ page })} />
    </section>
  );
}
