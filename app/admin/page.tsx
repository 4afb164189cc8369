import { redirect } from "next/navigation";

import { requireRole } from "@/lib/accounts/session";

export default async function AdminHome() {
  await requireRole(["ADMIN"], "/admin");
  redirect("/admin/artikel");
}
