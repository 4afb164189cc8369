import { redirect } from "next/navigation";

/** The moderation area opens on the pending queue. */
export default function ModerationPage() {
  redirect("/moderation/ausstehend");
}
