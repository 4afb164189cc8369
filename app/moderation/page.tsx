import { redirect } from "next/navigation";

import { requireRole, STAFF_ROLES } from "@/lib/accounts/session";

/** The moderation area opens on the pending queue. */
export default async function ModerationPage() {
  await requireRole(STAFF_ROLES, "/moderation");
  redirect("/moderation/ausstehend");
}
