import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { ArchiveList } from "@/components/article/ArchiveList";
import { pageParam } from "@/components/article/ArticleList";
import { tagPath } from "@/lib/articles/paths";
import { getTag } from "@/lib/articles/queries";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ seite?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await getTag((await params).slug);
  return tag ? { title: `#${tag.name}`, alternates: { canonical: tagPath(tag.slug) } } : {};
}

export default async function TagPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const tag = await getTag(slug);
  if (!tag) notFound();
  const page = pageParam(query.seite);
  const t = await getTranslations("Lists");
  return (
    <div>
      <header className="mb-4 border-b border-rule pb-3">
        <p className="font-sans text-xs font-bold tracking-wider text-muted uppercase">{t("tag")}</p>
        <h1 className="text-3xl font-bold">#{tag.name}</h1>
      </header>
      <ArchiveList filter={{ tagSlug: tag.slug }} page={page} path={tagPath(tag.slug)} />
    </div>
  );
}
