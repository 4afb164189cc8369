import { beforeAll, describe, expect, it } from "vitest";

import { deleteArticle, saveArticle } from "@/lib/articles/commands";
import { publishArticle, publishDueArticles, unpublishArticle } from "@/lib/articles/publishing";
import { currentSlugFor } from "@/lib/articles/queries";
import type { ArticleInput } from "@/lib/articles/schema";
import type { Db } from "@/lib/db/client";

import { freshDatabase } from "../helpers/db";
import { articleInput, createUser } from "../helpers/factories";

let db: Db;
let admin: { id: string; role: "ADMIN" };
let editor: { id: string; role: "EDITOR" };

beforeAll(async () => {
  ({ db } = await freshDatabase());
  admin = { id: (await createUser(db, { role: "ADMIN" })).id, role: "ADMIN" };
  editor = { id: (await createUser(db, { role: "EDITOR" })).id, role: "EDITOR" };
});

const input = (overrides: Partial<ArticleInput> = {}): ArticleInput =>
  articleInput({
    title: "Haushalt: Mehr Geld für die Verteidigung",
    body: "Der Bundestag berät über den Haushalt.",
    authorId: admin.id,
    ...overrides,
  });

async function draft(overrides: Partial<ArticleInput> = {}) {
  const result = await saveArticle({ db, actor: admin, id: null, input: input(overrides) });
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe("writing articles", () => {
  it("a new article is a draft whose slug comes from its title, German letters transliterated", async () => {
    const saved = await draft({ title: "Größere Übungen für die Straße" });
    expect(saved).toMatchObject({ status: "DRAFT", slug: "groessere-uebungen-fuer-die-strasse" });
  });

  it("a second article with the same title gets a numbered slug", async () => {
    const first = await draft({ title: "Gleicher Titel" });
    const second = await draft({ title: "Gleicher Titel" });
    expect([first.slug, second.slug]).toEqual(["gleicher-titel", "gleicher-titel-2"]);
  });

  it("an explicit slug that another article has is refused, and nothing is saved", async () => {
    await draft({ title: "Erster", slug: "vergeben" });
    const result = await saveArticle({ db, actor: admin, id: null, input: input({ title: "Zweiter", slug: "vergeben" }) });
    expect(result).toMatchObject({ ok: false, fieldErrors: { slug: "slugTaken" } });
    expect(await db.article.count({ where: { title: "Zweiter" } })).toBe(0);
  });

  it("tags are created once and shared by slug", async () => {
    const a = await draft({ tags: ["Bundeswehr", "Haushalt"] });
    const b = await draft({ tags: ["bundeswehr"] });
    const tags = await db.tag.findMany({ where: { slug: "bundeswehr" }, include: { articles: { select: { id: true } } } });
    expect(tags).toHaveLength(1);
    expect(tags[0]!.articles.map((x) => x.id).sort()).toEqual([a.id, b.id].sort());
  });

  it("an image needs a description, and only uploads or https images are taken", async () => {
    expect(
      await saveArticle({ db, actor: admin, id: null, input: input({ leadImageUrl: "/medien/0123456789abcdef01234567.png" }) }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { leadImageAlt: "altMissing" },
    });
    expect(
      await saveArticle({ db, actor: admin, id: null, input: input({ leadImageUrl: "javascript:alert(1)", leadImageAlt: "x" }) }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { leadImageUrl: "imageUrlInvalid" },
    });
  });

  it("editors and readers cannot write, publish or delete articles", async () => {
    const article = await draft();
    expect(await saveArticle({ db, actor: editor, id: null, input: input() })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await publishArticle({ db, actor: editor, id: article.id, at: null })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await deleteArticle({ db, actor: editor, id: article.id })).toMatchObject({ ok: false, error: "forbidden" });
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("DRAFT");
  });
});

describe("publishing", () => {
  it("publishing makes the article public now and logs who did it", async () => {
    const article = await draft();
    const result = await publishArticle({ db, actor: admin, id: article.id, at: null });
    expect(result).toMatchObject({ ok: true, status: "PUBLISHED" });
    expect(await db.moderationLogEntry.count({ where: { targetId: article.id, action: "article.publish", actorId: admin.id } })).toBe(1);
  });

  it("a scheduled article stays hidden until its time, then the scheduler publishes it", async () => {
    const now = new Date("2026-11-25T10:00:00Z");
    const article = await draft();
    const at = new Date(now.getTime() + 60_000);
    expect(await publishArticle({ db, actor: admin, id: article.id, at, now })).toMatchObject({ ok: true, status: "SCHEDULED" });
    expect(await publishDueArticles({ db, now: new Date(at.getTime() - 1000) })).toEqual([]);
    const due = await publishDueArticles({ db, now: new Date(at.getTime() + 1000) });
    expect(due.map((a) => a.id)).toContain(article.id);
    expect(await db.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({ status: "PUBLISHED", publishedAt: at });
  });

  it("a time in the past cannot be scheduled for a draft", async () => {
    const article = await draft();
    expect(await publishArticle({ db, actor: admin, id: article.id, at: new Date(Date.now() - 3_600_000) })).toMatchObject({
      ok: false,
      error: "scheduleInPast",
    });
  });

  it("an article without text cannot be published", async () => {
    const article = await draft({ body: "" });
    expect(await publishArticle({ db, actor: admin, id: article.id, at: null })).toMatchObject({ ok: false, error: "bodyMissing" });
  });

  it("republishing after unpublishing keeps the first publication date", async () => {
    const article = await draft();
    const first = await publishArticle({ db, actor: admin, id: article.id, at: null, now: new Date("2026-11-01T08:00:00Z") });
    await unpublishArticle({ db, actor: admin, id: article.id });
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).status).toBe("DRAFT");
    const again = await publishArticle({ db, actor: admin, id: article.id, at: null });
    expect(again).toMatchObject({ ok: true, publishedAt: first.ok ? first.publishedAt : null });
  });
});

describe("slugs of published articles", () => {
  it("a changed slug of a published article leaves a permanent redirect from the old one", async () => {
    const article = await draft({ title: "Alter Titel" });
    await publishArticle({ db, actor: admin, id: article.id, at: null });
    const saved = await saveArticle({ db, actor: admin, id: article.id, input: input({ title: "Neuer Titel", slug: "neuer-titel" }) });
    expect(saved).toMatchObject({ ok: true, slug: "neuer-titel" });
    expect(await currentSlugFor({ db, oldSlug: "alter-titel" })).toBe("neuer-titel");
    // Renamed again: the first address leads to the newest one too.
    await saveArticle({ db, actor: admin, id: article.id, input: input({ title: "Neuester Titel", slug: "neuester-titel" }) });
    expect(await currentSlugFor({ db, oldSlug: "alter-titel" })).toBe("neuester-titel");
    expect(await currentSlugFor({ db, oldSlug: "neuer-titel" })).toBe("neuester-titel");
  });

  it("a draft's slug changes without leaving redirects behind", async () => {
    const article = await draft({ title: "Entwurfstitel" });
    await saveArticle({ db, actor: admin, id: article.id, input: input({ title: "Entwurfstitel", slug: "anderer-entwurf" }) });
    expect(await currentSlugFor({ db, oldSlug: "entwurfstitel" })).toBeNull();
  });

  it("an old slug is not given to a new article by the automatic slug", async () => {
    const article = await draft({ title: "Umzug" });
    await publishArticle({ db, actor: admin, id: article.id, at: null });
    await saveArticle({ db, actor: admin, id: article.id, input: input({ title: "Umzug", slug: "umgezogen" }) });
    const other = await draft({ title: "Umzug" });
    expect(other.slug).toBe("umzug-2");
  });
});

describe("deleting", () => {
  it("deleting removes the article with its comments and keeps an audit entry with its title", async () => {
    const article = await draft({ title: "Wird gelöscht" });
    await db.comment.create({ data: { articleId: article.id, authorId: admin.id, body: "Hallo", status: "APPROVED" } });
    expect(await deleteArticle({ db, actor: admin, id: article.id })).toEqual({ ok: true });
    expect(await db.article.findUnique({ where: { id: article.id } })).toBeNull();
    expect(await db.comment.count({ where: { articleId: article.id } })).toBe(0);
    const entry = await db.moderationLogEntry.findFirstOrThrow({ where: { targetId: article.id, action: "article.delete" } });
    expect(entry.before).toMatchObject({ title: "Wird gelöscht" });
  });
});
