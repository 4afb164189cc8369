import { redirect } from "next/navigation";

import { requirePermission } from "@/lib/accounts/session";

export default async function AdminHome() {
  await requirePermission("articles.publish", "/admin");
  redirect("/admin/artikel");
}
