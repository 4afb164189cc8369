import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";

import { AdminNav } from "@/components/admin/AdminNav";
import { may, type Permission } from "@/lib/accounts/permissions";
import { getCurrentUser } from "@/lib/accounts/session";

/** What the admin area's pages ask for, one each. */
const ADMIN_AREA: readonly Permission[] = ["articles.publish", "sections.manage", "users.manage", "settings.manage", "content.import"];

/**
 * The admin area. Each page checks its permission itself, with its own address to return to
 * after sign-in; the layout only leaves its navigation out for whoever may use none of it.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const [user, t] = await Promise.all([getCurrentUser(), getTranslations("Admin")]);
  if (!ADMIN_AREA.some((permission) => may(user, permission))) return children;
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
