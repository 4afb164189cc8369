import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { signOutAction } from "@/actions/account";
import { may } from "@/lib/accounts/permissions";
import { getCurrentUser } from "@/lib/accounts/session";
import { unreadNotices } from "@/lib/notices/queries";

const itemClass = "block w-full px-4 py-2 text-left text-sm hover:bg-stone-100 hover:text-accent";

/** Sign-in links, or the signed-in user's menu (a <details> disclosure: keyboard- and no-JS-friendly). */
export async function AccountMenu() {
  const [user, t, tAuth] = await Promise.all([getCurrentUser(), getTranslations("AccountMenu"), getTranslations("Auth")]);
  if (!user) {
    return (
      <div className="flex items-center gap-3 text-sm font-medium">
        <Link href="/anmelden" className="hover:text-accent">
          {t("signIn")}
        </Link>
        <Link href="/registrieren" className="rounded bg-ink px-3 py-1.5 text-white hover:bg-accent">
          {t("signUp")}
        </Link>
      </div>
    );
  }
  const unread = await unreadNotices({ userId: user.id });
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded border border-stone-400 px-3 py-1.5 text-sm font-medium hover:border-ink">
        {user.name ?? t("label")}
        {unread > 0 && <span className="ml-1.5 rounded-full bg-accent px-1.5 text-xs font-semibold text-white">{unread}</span>}{" "}
        <span aria-hidden="true">▾</span>
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-60 rounded border border-rule bg-white py-2 shadow-lg">
        <p className="px-4 pb-2 text-xs text-muted">{t("signedInAs", { name: user.email ?? user.name ?? "" })}</p>
        <Link href="/konto" className={itemClass}>
          {t("account")}
        </Link>
        <Link href="/konto/mitteilungen" className={itemClass}>
          {t("notices")}
          {unread > 0 && ` (${unread})`}
        </Link>
        {may(user, "comments.moderate") && (
          <Link href="/moderation" className={itemClass}>
            {t("moderation")}
          </Link>
        )}
        {may(user, "articles.publish") && (
          <Link href="/admin/artikel" className={itemClass}>
            {t("articles")}
          </Link>
        )}
        {may(user, "users.manage") && (
          <Link href="/admin/benutzer" className={itemClass}>
            {t("users")}
          </Link>
        )}
        {may(user, "settings.manage") && (
          <Link href="/admin/einstellungen" className={itemClass}>
            {t("settings")}
          </Link>
        )}
        <form action={signOutAction} className="mt-1 border-t border-rule pt-1">
          <button type="submit" className={itemClass}>
            {tAuth("signOut")}
          </button>
        </form>
      </div>
    </details>
  );
}
