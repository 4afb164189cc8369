import { redirect } from "next/navigation";

import { requirePermission } from "@/lib/accounts/session";

/** The moderation area opens on the pending queue. */
export default async function ModerationPage() {
  await requirePermission("comments.moderate", "/moderation");
  redirect("/moderation/ausstehend");
}
