import { hashPassword } from "../lib/accounts/password";
import type { Db } from "../lib/db/client";

/** The password of every seeded reader (leser-<n>@bench.example). */
export const PASSWORD = "Bench-Passwort 2026";

export const readerEmail = (n: number) => `leser-${n}@bench.example`;

/**
 * A newsroom under load: `readers` verified accounts, `articles` published articles beside the
 * seed article, and on the seed article `threads` top-level comments with `replies` answers each.
 * Returns the seed article and the readers (in e-mail order).
 */
export async function seedNewsroom(db: Db, size: { readers: number; articles: number; threads: number; replies: number }) {
  const passwordHash = await hashPassword(PASSWORD);
  await db.user.createMany({
    data: Array.from({ length: size.readers }, (_, i) => ({
      name: `Leserin ${i}`,
      email: readerEmail(i),
      emailVerified: new Date(),
      passwordHash,
    })),
  });
  const readers = await db.user.findMany({
    where: { email: { endsWith: "@bench.example" } },
    select: { id: true },
    orderBy: { email: "asc" },
  });
  const article = await db.article.findFirstOrThrow({
    where: { status: "PUBLISHED" },
    select: { id: true, slug: true, body: true, authorId: true },
  });
  const sections = await db.section.findMany({ select: { id: true } });
  await db.article.createMany({
    data: Array.from({ length: size.articles }, (_, i) => ({
      slug: `bench-artikel-${i}`,
      title: `Artikel ${i}: Haushalt, Verkehr und Verteidigung im Überblick`,
      dek: "Ein Vorspann, wie ihn Nachrichtenseiten über jeden Artikel setzen.",
      body: article.body,
      status: "PUBLISHED" as const,
      publishedAt: new Date(Date.now() - (i + 4) * 3_600_000),
      authorId: article.authorId,
      sectionId: sections[i % sections.length]!.id,
    })),
  });
  await db.$executeRaw`
    INSERT INTO "Comment" ("id", "articleId", "authorId", "body", "status", "depth", "reactionCount", "replyCount", "createdAt", "updatedAt")
    SELECT 'top-' || g, ${article.id}, (ARRAY[${readers[0]!.id}, ${readers[1]!.id}, ${readers[2]!.id}])[1 + g % 3],
           'Kommentar Nummer ' || g || ' mit etwas **Markdown**, einem [Link](https://example.org) und genug Text für zwei Zeilen in der Spalte.',
           'APPROVED', 0, (g * 7919) % 40, ${size.replies}, now() - ((${size.threads} - g) * interval '20 seconds'), now()
    FROM generate_series(1, ${size.threads}) AS g`;
  await db.$executeRaw`
    INSERT INTO "Comment" ("id", "articleId", "authorId", "parentId", "rootId", "body", "status", "depth", "createdAt", "updatedAt")
    SELECT 'reply-' || g || '-' || r, ${article.id}, ${readers[3]!.id}, 'top-' || g, 'top-' || g, 'Antwort ' || r || ' auf Kommentar ' || g,
           'APPROVED', 1, now() - ((${size.threads} - g) * interval '20 seconds') + r * interval '1 second', now()
    FROM generate_series(1, ${size.threads}) AS g, generate_series(1, ${size.replies}) AS r`;
  await db.article.update({ where: { id: article.id }, data: { commentCount: { increment: size.threads * (1 + size.replies) } } });
  await db.$executeRawUnsafe(`ANALYZE`);
  return { article, readers };
}

/** Stores site settings (rows of the Setting table) over the defaults. */
export async function applySettings(db: Db, settings: Record<string, number | string>) {
  for (const [key, value] of Object.entries(settings))
    await db.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
}
