import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";

import { ModerationNav } from "@/components/moderation/ModerationNav";
import { may } from "@/lib/accounts/permissions";
import { requirePermission } from "@/lib/accounts/session";
import { queueCounts } from "@/lib/moderation/queries";

/**
 * The moderation area (EDITOR, ADMIN): queues with their counts, people, the audit log. Each page
 * checks its permission itself too: Next renders a layout and its page side by side (the page's data
 * would reach a 403 answer), and a client navigation between pages renders the page alone.
 */
export default async function ModerationLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePermission("comments.moderate", "/moderation");
  const [t, counts] = await Promise.all([getTranslations("Moderation"), queueCounts()]);
  return (
    // The moderation tools' strings, beyond the public ones every page carries.
    <NextIntlClientProvider>
      <div className="py-2 font-sans">
        <p className="font-serif text-3xl font-bold">{t("title")}</p>
        <ModerationNav counts={counts} admin={may(user, "settings.manage")} />
        {children}
      </div>
    </NextIntlClientProvider>
  );
}
