import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { ArchiveList } from "@/components/article/ArchiveList";
import { pageParam } from "@/components/article/ArticleList";
import { sectionFeedPath, sectionPath } from "@/lib/articles/paths";
import { getSection } from "@/lib/articles/queries";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ seite?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = await getSection((await params).slug);
  if (!section) return {};
  return {
    title: section.name,
    alternates: {
      canonical: sectionPath(section.slug),
      types: { "application/rss+xml": [{ url: sectionFeedPath(section.slug), title: section.name }] },
    },
  };
}

export default async function SectionPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const section = await getSection(slug);
  if (!section) notFound();
  const page = pageParam(query.seite);
  const t = await getTranslations("Lists");
  return (
    <div>
      <header className="mb-4 flex flex-wrap items-baseline justify-between gap-2 border-b border-rule pb-3">
        <h1 className="text-3xl font-bold">{section.name}</h1>
        <a href={sectionFeedPath(section.slug)} className="font-sans text-sm text-accent underline">
          {t("feed")}
        </a>
      </header>
      <ArchiveList filter={{ sectionSlug: section.slug }} page={page} path={sectionPath(section.slug)} />
    </div>
  );
}
