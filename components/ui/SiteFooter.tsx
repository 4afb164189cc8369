import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { GUEST_PATHS } from "@/lib/guests/paths";

export async function SiteFooter({ siteName }: { siteName: string }) {
  const [t, tGuest] = await Promise.all([getTranslations("Site"), getTranslations("GuestData")]);
  return (
    <footer className="mt-16 border-t border-rule">
      <div className="mx-auto max-w-5xl px-4 py-8 font-sans text-sm text-muted">
        <p>
          © {new Date().getFullYear()} {siteName}. {t("footer")}
        </p>
        <p className="mt-2">
          <Link href={GUEST_PATHS.data} className="underline hover:text-ink">
            {tGuest("footerLink")}
          </Link>
        </p>
      </div>
    </footer>
  );
}
