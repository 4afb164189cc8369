import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";

import { AdminNav } from "@/components/admin/AdminNav";
import { getCurrentUser, hasRole } from "@/lib/accounts/session";

/**
 * The admin area (ADMIN only). Each page checks the role itself, with its own address to
 * return to after sign-in; the layout only leaves its navigation out for everyone else.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const [user, t] = await Promise.all([getCurrentUser(), getTranslations("Admin")]);
  if (!hasRole(user, ["ADMIN"])) return children;
  return (
    // The admin forms' strings, beyond the public ones every page carries.
    <NextIntlClientProvider>
      <div className="py-2 font-sans">
        <p className="font-serif text-3xl font-bold">{t("areaTitle")}</p>
        <AdminNav />
        {children}
      </div>
    </NextIntlClientProvider>
  );
}
