import { hashPassword } from "@/lib/accounts/password";
import { slugify } from "@/lib/articles/slug";
import type { Db } from "@/lib/db/client";

import { loadSeedArticle } from "./article";
import { DEMO_ACCOUNTS, DEMO_COMMENTERS, DEMO_THREAD } from "./demo";

export interface SeedOptions {
  /** Create the demo accounts and the demo discussion (never in production). */
  demo: boolean;
}

const SECTIONS = [
  { slug: "politik", name: "Politik", position: 1 },
  { slug: "international", name: "International", position: 2 },
  { slug: "wirtschaft", name: "Wirtschaft", position: 3 },
  { slug: "kultur", name: "Kultur", position: 4 },
];

/**
 * Brings a database to the state a first start shows: sections, the demo article
 * and, outside production, demo accounts with a demo thread. Safe to run on every
 * start: existing rows are left as they are.
 */
export async function seed(db: Db, { demo }: SeedOptions): Promise<{ articleSlug: string }> {
  for (const section of SECTIONS) {
    await db.section.upsert({ where: { slug: section.slug }, create: section, update: {} });
  }

  const source = loadSeedArticle();
  const authorEmail = `${slugify(source.author)}@autoren.agora.local`;
  const author = await db.user.upsert({
    where: { email: authorEmail },
    create: { email: authorEmail, name: source.author, role: "EDITOR" },
    update: {},
  });
  const slug = slugify(source.title);
  const article = await db.article.upsert({
    where: { slug },
    create: {
      slug,
      title: source.title,
      body: source.body,
      status: "PUBLISHED",
      // Published a while ago, so that the demo discussion after it lies in the past too.
      publishedAt: new Date(Date.now() - SEED_ARTICLE_AGE_MS),
      author: { connect: { id: author.id } },
      section: { connect: { slug: "international" } },
    },
    update: {},
  });

  if (demo) await seedDemoDiscussion(db, article.id, article.publishedAt ?? new Date());
  return { articleSlug: slug };
}

const SEED_ARTICLE_AGE_MS = 3 * 60 * 60_000;

async function seedDemoDiscussion(db: Db, articleId: string, publishedAt: Date): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    const existing = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (existing) continue;
    await db.user.create({
      data: {
        email: account.email,
        name: account.name,
        role: account.role,
        emailVerified: new Date(),
        passwordHash: await hashPassword(account.password),
      },
    });
  }
  for (const commenter of DEMO_COMMENTERS) {
    await db.user.upsert({
      where: { email: commenter.email },
      create: { ...commenter, emailVerified: new Date() },
      update: {},
    });
  }

  const placed = new Map<string, { id: string; rootId: string | null; depth: number }>();
  for (const entry of DEMO_THREAD) {
    const existing = await db.comment.findUnique({ where: { idempotencyKey: entry.key }, select: { id: true, rootId: true, depth: true } });
    if (existing) {
      placed.set(entry.key, existing);
      continue;
    }
    const authorRow = await db.user.findUniqueOrThrow({ where: { email: entry.author }, select: { id: true } });
    const parent = entry.parent ? placed.get(entry.parent) : undefined;
    const comment = await db.comment.create({
      data: {
        articleId,
        authorId: authorRow.id,
        parentId: parent?.id,
        rootId: parent ? (parent.rootId ?? parent.id) : null,
        depth: parent ? parent.depth + 1 : 0,
        body: entry.body,
        status: "APPROVED",
        idempotencyKey: entry.key,
        reactionCount: entry.likedBy?.length ?? 0,
        createdAt: new Date(publishedAt.getTime() + entry.minutesAfter * 60_000),
      },
      select: { id: true, rootId: true, depth: true },
    });
    if (parent) await db.comment.update({ where: { id: parent.id }, data: { replyCount: { increment: 1 } } });
    for (const email of entry.likedBy ?? []) {
      const liker = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
      await db.reaction.create({ data: { commentId: comment.id, userId: liker.id } });
    }
    placed.set(entry.key, comment);
  }
  const approved = await db.comment.count({ where: { articleId, status: "APPROVED" } });
  // Only when it differs: an update would move updatedAt, which feeds and the sitemap report as a change.
  await db.article.updateMany({ where: { id: articleId, commentCount: { not: approved } }, data: { commentCount: approved } });
}
