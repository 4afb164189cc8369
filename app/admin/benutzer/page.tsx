import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";

import { UserRoleForm } from "@/components/admin/UserRoleForm";
import { ListTable } from "@/components/ui/ListTable";
import { Pagination } from "@/components/ui/Pagination";
import { listUsers } from "@/lib/accounts/roles";
import { requirePermission } from "@/lib/accounts/session";
import { pathWithQuery } from "@/lib/http/query";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Admin"))("usersTitle") };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ q?: string; seite?: string }> }) {
  const params = await searchParams;
  const me = await requirePermission("users.manage", "/admin/benutzer");
  const query = (params.q ?? "").slice(0, 100);
  const { users, total, page, pages } = await listUsers({ query, page: Number(params.seite ?? 1) });
  const [t, format] = await Promise.all([getTranslations("Admin"), getFormatter()]);
  const pageHref = (n: number) => pathWithQuery("/admin/benutzer", { q: query, seite: n });

  return (
    <div className="py-6 font-sans">
      <h1 className="font-serif text-3xl font-bold">{t("usersTitle")}</h1>
      <form role="search" className="mt-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="user-search" className="block text-sm font-semibold">
            {t("search")}
          </label>
          <input
            id="user-search"
            name="q"
            type="search"
            defaultValue={query}
            className="mt-1 w-72 max-w-full rounded border border-stone-400 bg-white px-3 py-2"
          />
        </div>
        <button type="submit" className="rounded bg-ink px-4 py-2 text-sm font-semibold text-white hover:bg-accent">
          {t("searchSubmit")}
        </button>
      </form>
      <ListTable
        summary={t("results", { count: total })}
        columns={[{ label: t("name") }, { label: t("email") }, { label: t("registered") }, { label: t("verified") }, { label: t("role") }]}
      >
        {users.map((user) => (
          <tr key={user.id} className="border-b border-rule align-top">
            <td className="py-3 pr-4 font-semibold">
              {user.name ?? "–"} {user.id === me.id && <span className="font-normal text-muted">{t("you")}</span>}
            </td>
            <td className="py-3 pr-4 break-all">{user.email ?? "–"}</td>
            <td className="py-3 pr-4 whitespace-nowrap">{format.dateTime(user.createdAt, { dateStyle: "medium" })}</td>
            <td className="py-3 pr-4">{user.emailVerified ? t("yes") : t("no")}</td>
            <td className="py-3">
              <UserRoleForm userId={user.id} name={user.name ?? user.email ?? user.id} role={user.role} />
            </td>
          </tr>
        ))}
      </ListTable>

      <Pagination page={page} pages={pages} href={pageHref} />
    </div>
  );
}
