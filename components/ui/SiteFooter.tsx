import { getTranslations } from "next-intl/server";

export async function SiteFooter({ siteName }: { siteName: string }) {
  const t = await getTranslations("Site");
  return (
    <footer className="mt-16 border-t border-rule">
      <div className="mx-auto max-w-5xl px-4 py-8 font-sans text-sm text-muted">
        <p>
          © {new Date().getFullYear()} {siteName}. {t("footer")}
        </p>
      </div>
    </footer>
  );
}
