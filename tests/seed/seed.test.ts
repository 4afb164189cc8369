import { describe, expect, it } from "vitest";

import { verifyPassword } from "@/lib/accounts/password";
import { seed } from "@/prisma/seed";
import { DEMO_ACCOUNTS } from "@/prisma/seed/demo";

import { freshDatabase } from "../helpers/db";

describe("seeding a fresh database", async () => {
  const { db } = await freshDatabase();

  it("publishes the demo article by Rainer Rupp with its approved demo discussion", async () => {
    const { articleSlug } = await seed(db, { demo: true });
    const article = await db.article.findUniqueOrThrow({ where: { slug: articleSlug }, include: { author: true } });
    expect(article.status).toBe("PUBLISHED");
    expect(article.author.name).toBe("Rainer Rupp");
    expect(article.author.passwordHash).toBeNull();
    expect(article.commentCount).toBe(6);
    expect(await db.comment.count({ where: { articleId: article.id, status: "APPROVED", idempotencyKey: { startsWith: "demo:" } } })).toBe(
      6,
    );
    const nested = await db.comment.findUniqueOrThrow({ where: { idempotencyKey: "demo:6" }, include: { parent: true } });
    expect(nested.depth).toBe(2);
    expect(nested.rootId).toBe(nested.parent!.parentId);
  });

  it("creates demo accounts that sign in with the printed passwords", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await db.user.findUniqueOrThrow({ where: { email: account.email } });
      expect(user.role).toBe(account.role);
      expect(user.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(user.passwordHash!, account.password)).toBe(true);
      expect(await verifyPassword(user.passwordHash!, "wrong password")).toBe(false);
    }
  });

  it("is a no-op when run again on every start", async () => {
    const before = await Promise.all([db.article.count(), db.user.count(), db.comment.count(), db.section.count()]);
    await seed(db, { demo: true });
    await seed(db, { demo: true });
    const after = await Promise.all([db.article.count(), db.user.count(), db.comment.count(), db.section.count()]);
    expect(after).toEqual(before);
  });
});

describe("seeding for production", async () => {
  const { db } = await freshDatabase();

  it("publishes the article but creates no account that can sign in", async () => {
    await seed(db, { demo: false });
    expect(await db.article.count({ where: { status: "PUBLISHED" } })).toBe(1);
    expect(await db.user.count({ where: { passwordHash: { not: null } } })).toBe(0);
    expect(await db.comment.count()).toBe(0);
  });
});
