import "@fontsource-variable/source-serif-4";
import "@fontsource-variable/inter";
import "./globals.css";

import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";

import { SiteFooter } from "@/components/ui/SiteFooter";
import { SiteHeader } from "@/components/ui/SiteHeader";
import { FEED_PATHS } from "@/lib/articles/paths";
import { siteOrigin } from "@/lib/http/request";
import { publicClientMessages } from "@/lib/i18n/client-messages";
import { getSiteSettings } from "@/lib/settings/site";

// Every page reads the database (settings, articles) and the reader's language cookie.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const [settings, origin] = await Promise.all([getSiteSettings(), siteOrigin()]);
  return {
    // Canonical links, OpenGraph images and feeds need absolute URLs.
    metadataBase: new URL(origin),
    title: { default: settings.siteName, template: `%s – ${settings.siteName}` },
    description: settings.siteDescription,
    openGraph: { siteName: settings.siteName, locale: "de_DE", type: "website" },
    alternates: {
      types: {
        "application/rss+xml": [{ url: FEED_PATHS.rss, title: settings.siteName }],
        "application/atom+xml": [{ url: FEED_PATHS.atom, title: settings.siteName }],
      },
    },
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, settings, t, messages] = await Promise.all([getLocale(), getSiteSettings(), getTranslations("Site"), getMessages()]);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-paper font-serif text-ink antialiased">
        <a
          href="#main"
          className="sr-only font-sans focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-ink focus:px-3 focus:py-2 focus:text-white"
        >
          {t("skipToContent")}
        </a>
        <NextIntlClientProvider messages={publicClientMessages(messages)}>
          <SiteHeader siteName={settings.siteName} />
          <main id="main" className="mx-auto max-w-5xl px-4 py-8">
            {children}
          </main>
          <SiteFooter siteName={settings.siteName} />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
