import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Notifications"))("unsubscribedTitle") };
}

export default async function UnsubscribedPage({ searchParams }: { searchParams: Promise<{ thema?: string }> }) {
  const { thema } = await searchParams;
  const t = await getTranslations("Notifications");
  const topic = thema === "replies" || thema === "digest" ? thema : null;
  return (
    <div className="mx-auto max-w-xl py-10 font-sans">
      <h1 className="font-serif text-3xl font-bold">{t("unsubscribedTitle")}</h1>
      <p role="status" className="mt-4">
        {topic ? t(`unsubscribed.${topic}`) : t("unsubscribeInvalid")}
      </p>
      <Link href="/konto#benachrichtigungen" className="mt-4 inline-block text-accent underline">
        {t("manage")}
      </Link>
    </div>
  );
}
