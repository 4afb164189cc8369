import { getTranslations } from "next-intl/server";
import { AdminNav } from "@/components/admin/AdminNav";
import { requireRole } from "@/lib/accounts/session";

/** The admin area (ADMIN only): every page below checks the role again for its own return address. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireRole(["ADMIN"], "/admin");
  const t = await getTranslations("Admin");
  return (
    <div className="py-2 font-sans">
      <p className="font-serif text-3xl font-bold">{t("areaTitle")}</p>
      <AdminNav />
      {children}
    </div>
  );
}
