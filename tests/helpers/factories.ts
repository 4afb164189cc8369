import { randomBytes } from "node:crypto";

import { hashPassword } from "@/lib/accounts/password";
import type { ArticleInput } from "@/lib/articles/schema";
import type { Db, Prisma } from "@/lib/db/client";

const unique = () => randomBytes(4).toString("hex");

export const TEST_PASSWORD = "Sonnenblume am Fenster";

/** A user with a known password; pass fields to override (role, emailVerified, …). */
export async function createUser(db: Db, data: Partial<Prisma.UserCreateInput> = {}) {
  const id = unique();
  return db.user.create({
    data: {
      name: `Testperson ${id}`,
      email: `person-${id}@example.org`,
      passwordHash: await hashPassword(TEST_PASSWORD),
      emailVerified: new Date(),
      ...data,
    },
  });
}

export async function createArticle(db: Db, data: Partial<Prisma.ArticleUncheckedCreateInput> = {}) {
  const author = data.authorId ? null : await createUser(db, { role: "EDITOR", passwordHash: null });
  const id = unique();
  return db.article.create({
    data: {
      slug: `artikel-${id}`,
      title: `Artikel ${id}`,
      body: "Ein Absatz.",
      status: "PUBLISHED",
      publishedAt: new Date(),
      authorId: author?.id ?? data.authorId!,
      ...data,
    },
  });
}

export async function createComment(
  db: Db,
  data: {
    articleId: string;
    authorId: string | null;
    parentId?: string;
    body?: string;
    status?: Prisma.CommentCreateInput["status"];
    /** A guest's comment: the guest address and the name it was written under. */
    guestId?: string;
    guestName?: string;
  },
) {
  const parent = data.parentId
    ? await db.comment.findUniqueOrThrow({ where: { id: data.parentId }, select: { id: true, rootId: true, depth: true } })
    : null;
  const comment = await db.comment.create({
    data: {
      body: `Kommentar ${unique()}`,
      status: "APPROVED",
      depth: parent ? parent.depth + 1 : 0,
      rootId: parent ? (parent.rootId ?? parent.id) : null,
      ...data,
    },
  });
  if (data.parentId) await db.comment.update({ where: { id: data.parentId }, data: { replyCount: { increment: 1 } } });
  if (comment.status === "APPROVED") await db.article.update({ where: { id: data.articleId }, data: { commentCount: { increment: 1 } } });
  return comment;
}

/** A guest address (someone who writes without an account); pass fields to override. */
export async function createGuest(db: Db, data: Partial<Prisma.GuestCreateInput> = {}) {
  const id = unique();
  return db.guest.create({ data: { email: `gast-${id}@example.org`, name: `Gast ${id}`, confirmedAt: new Date(), ...data } });
}

/** What the article editor sends, every field empty or off unless given. */
export function articleInput(fields: Pick<ArticleInput, "title" | "body" | "authorId"> & Partial<ArticleInput>): ArticleInput {
  return {
    slug: "",
    dek: "",
    sectionId: null,
    tags: [],
    leadImageUrl: "",
    leadImageAlt: "",
    leadImageCaption: "",
    seoTitle: "",
    seoDescription: "",
    commentsOpen: true,
    premoderate: false,
    ...fields,
  };
}
