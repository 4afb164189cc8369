import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

import type { Db } from "@/lib/db/client";
import { importWordPress } from "@/lib/import/wordpress/import";
import type { ImportReport } from "@/lib/import/wordpress/report";

import { freshDatabase } from "../helpers/db";
import { createArticle, createUser } from "../helpers/factories";

const xml = readFileSync(path.resolve(import.meta.dirname, "../fixtures/wordpress-export.xml"), "utf8");
const SITE = "wp:https://stadtblatt.example.org";
const NOW = new Date("2026-03-21T12:00:00Z");

let db: Db;
let editor: { id: string; name: string | null; email: string | null; role: string; passwordHash: string | null };
let first: ImportReport;

beforeAll(async () => {
  ({ db } = await freshDatabase());
  // Anna already works on the new site; her WordPress address differs only in case.
  editor = await createUser(db, { email: "anna.schaefer@redaktion.example", name: "Anna S.", role: "ADMIN" });
  // Another article already has the slug the budget post would get.
  await createArticle(db, { slug: "haushalt-2026-was-die-stadt-plant", authorId: editor.id });
  await db.section.create({ data: { slug: "lokales", name: "Aus der Stadt", position: 3 } });
  first = await importWordPress({ db, xml: xml, now: NOW, actorId: editor.id });
});

const article = (postId: string) =>
  db.article.findUniqueOrThrow({
    where: { importKey: `${SITE}:${postId}` },
    include: { section: true, tags: { orderBy: { slug: "asc" } }, author: true },
  });

const comment = (commentId: string) => db.comment.findUniqueOrThrow({ where: { idempotencyKey: `${SITE}:c${commentId}` } });

const totals = async () => ({ articles: await db.article.count(), comments: await db.comment.count(), users: await db.user.count() });

describe("importing a WordPress export", () => {
  it("creates an article per post, with a readable ASCII slug from the percent-encoded WordPress slug", async () => {
    const festival = await article("101");
    expect(festival).toMatchObject({
      slug: "gruesse-aus-muenchen",
      title: "Grüße aus München: Straßenfest im Süden",
      dek: "Ein Fest für alle & jeden.",
      status: "PUBLISHED",
      publishedAt: new Date("2026-03-14T09:30:00Z"),
    });
    expect(festival.body).toContain("Die **Stadt** lädt am Samstag zum [Straßenfest](https://stadtblatt.example.org/programm)");
    expect(festival.body).toContain("![Das Festzelt](https://stadtblatt.example.org/wp-content/uploads/2026/03/festzelt.jpg)");
    expect(festival.body).not.toMatch(/Werbung|<script|wp:paragraph/);
  });

  it("files an article in the section of its first category and gives it all its tags", async () => {
    const festival = await article("101");
    expect(festival.section).toMatchObject({ slug: "lokales" });
    expect(festival.tags.map((tag) => [tag.slug, tag.name])).toEqual([
      ["buergerbeteiligung", "Bürgerbeteiligung"],
      ["oktoberfest", "Oktoberfest"],
    ]);
    const budget = await article("102");
    expect(budget.section).toMatchObject({ slug: "aussenpolitik", name: "Außenpolitik" });
    expect(budget.tags.map((tag) => tag.name)).toEqual(["Haushalt & Finanzen"]);
  });

  it("keeps an existing section of the same slug as it is", async () => {
    expect(await db.section.findUniqueOrThrow({ where: { slug: "lokales" } })).toMatchObject({ name: "Aus der Stadt", position: 3 });
    expect(first.sections).toEqual({ created: 1, matched: 1 });
    expect(first.tags).toEqual({ created: 3, matched: 0 });
  });

  it("gives a post whose slug another article has the next free slug", async () => {
    expect((await article("102")).slug).toBe("haushalt-2026-was-die-stadt-plant-2");
  });

  it("imports a draft without slug as a draft with a slug from its title and no publication date", async () => {
    expect(await article("103")).toMatchObject({ slug: "entwurf-radwege-im-westend", status: "DRAFT", publishedAt: null });
  });

  it("imports a future post as scheduled at its UTC date", async () => {
    expect(await article("104")).toMatchObject({
      slug: "vorschau-stadtratssitzung",
      status: "SCHEDULED",
      publishedAt: new Date("2026-04-02T16:00:00Z"),
    });
  });

  it("imports neither trashed posts nor pages, attachments or menu items", async () => {
    expect(await db.article.count({ where: { importKey: { startsWith: SITE } } })).toBe(4);
    expect(await db.article.findUnique({ where: { importKey: `${SITE}:105` } })).toBeNull();
    expect(await db.article.findFirst({ where: { title: { in: ["Impressum", "festzelt", "Startseite"] } } })).toBeNull();
  });

  it("bylines an author with an existing account by that account, matching the e-mail without regard to case, and leaves the account alone", async () => {
    expect((await article("102")).authorId).toBe(editor.id);
    const after = await db.user.findUniqueOrThrow({ where: { id: editor.id } });
    expect(after).toMatchObject({
      name: "Anna S.",
      email: "anna.schaefer@redaktion.example",
      role: "ADMIN",
      passwordHash: editor.passwordHash,
    });
  });

  it("creates other authors as editors without a password, under their e-mail or an .invalid address", async () => {
    expect((await article("101")).author).toMatchObject({
      name: "Jonas Weber",
      email: "jonas.weber@stadtblatt.example.org",
      role: "EDITOR",
      passwordHash: null,
    });
    expect((await article("104")).author).toMatchObject({
      name: "Praktikantin Lea",
      email: "praktikum@import.invalid",
      role: "EDITOR",
      passwordHash: null,
    });
    expect(first.authors).toEqual({ matched: 1, created: 2 });
  });

  it("threads comments under their parents with root and depth, even when a reply comes first in the file", async () => {
    const [top, reply, replyToReply] = await Promise.all([comment("11"), comment("12"), comment("13")]);
    const articleId = (await article("101")).id;
    expect(top).toMatchObject({
      articleId,
      parentId: null,
      rootId: null,
      depth: 0,
      status: "APPROVED",
      createdAt: new Date("2026-03-14T10:00:00Z"),
    });
    expect(reply).toMatchObject({ parentId: top.id, rootId: top.id, depth: 1 });
    expect(replyToReply).toMatchObject({ parentId: reply.id, rootId: top.id, depth: 2 });
    expect(top.body).toBe("Endlich wieder ein Fest im Viertel!\n\nGibt es auch etwas für Kinder?");
    expect(reply.body).toBe("Ja, eine **Hüpfburg** am Nachmittag.");
  });

  it("links comments to the account with the commenter's e-mail and keeps other commenters as guests without accounts", async () => {
    expect(await comment("12")).toMatchObject({ authorId: editor.id, guestName: null });
    expect(await comment("11")).toMatchObject({ authorId: null, guestName: "Maria K.", flags: null });
    expect(await comment("13")).toMatchObject({ authorId: null, guestName: "Peter Huber" });
    // The budget post's comment is by Jonas, whose account the import created for his posts.
    const jonas = (await article("101")).authorId;
    expect(await comment("21")).toMatchObject({ authorId: jonas });
    expect(await db.user.count({ where: { email: { in: ["maria@example.net", "peter@example.net", "klaus@example.net"] } } })).toBe(0);
  });

  it("imports unapproved comments as pending and spam as spam", async () => {
    expect(await comment("14")).toMatchObject({ status: "PENDING", depth: 0 });
    expect(await comment("15")).toMatchObject({ status: "SPAM", depth: 0 });
    expect(first.comments).toEqual({ created: 7, updated: 0, pending: 1, spam: 1 });
  });

  it("hangs a reply to a trashed comment at the top level and notes it", async () => {
    expect(await comment("17")).toMatchObject({ parentId: null, rootId: null, depth: 0, status: "APPROVED" });
    expect(first.notes).toEqual([
      { kind: "comment", id: "17", postId: "101", title: "Grüße aus München: Straßenfest im Süden", reason: "parentMissing" },
    ]);
  });

  it("counts approved comments on the article and the replies that take a place on each comment", async () => {
    expect((await article("101")).commentCount).toBe(4);
    expect((await article("102")).commentCount).toBe(1);
    expect((await comment("11")).replyCount).toBe(1);
    expect((await comment("12")).replyCount).toBe(1);
    expect((await comment("13")).replyCount).toBe(0);
  });

  it("reports what it skipped and why", async () => {
    expect(first.articles).toEqual({ created: 4, updated: 0 });
    expect(first.skipped.map(({ kind, id, reason }) => ({ kind, id, reason }))).toEqual([
      { kind: "page", id: "2", reason: "page" },
      { kind: "attachment", id: "201", reason: "attachment" },
      { kind: "item", id: "301", reason: "nav_menu_item" },
      { kind: "comment", id: "16", reason: "trash" },
      { kind: "comment", id: "18", reason: "pingback" },
      { kind: "post", id: "105", reason: "trash" },
    ]);
    expect(first.skipped).toContainEqual({ kind: "post", id: "105", title: "Alter Beitrag", reason: "trash" });
    expect(await db.comment.findUnique({ where: { idempotencyKey: `${SITE}:c18` } })).toBeNull();
  });

  it("records the import in the audit trail under the person who ran it", async () => {
    const entry = await db.moderationLogEntry.findFirstOrThrow({ where: { action: "import.wordpress" } });
    expect(entry).toMatchObject({ actorId: editor.id, targetType: "site", targetId: "wordpress" });
    expect(entry.after).toMatchObject({
      source: "https://stadtblatt.example.org",
      articles: { created: 4, updated: 0 },
      skipped: 6,
      notes: 1,
    });
  });
});

describe("importing the same export again", () => {
  it("updates what it imported before instead of duplicating it", async () => {
    const before = await totals();
    const again = await importWordPress({ db, xml: xml, now: NOW });
    expect(await totals()).toEqual(before);
    expect(again.articles).toEqual({ created: 0, updated: 4 });
    expect(again.comments).toEqual({ created: 0, updated: 7, pending: 1, spam: 1 });
    expect(again.authors).toEqual({ matched: 3, created: 0 });
    expect(again.sections).toEqual({ created: 0, matched: 2 });
    expect((await article("101")).commentCount).toBe(4);
    expect((await comment("11")).replyCount).toBe(1);
  });

  it("applies changes made in WordPress since: a new title, an approved comment, a reply back in moderation", async () => {
    const edited = xml
      .replace("<![CDATA[Grüße aus München: Straßenfest im Süden]]>", "<![CDATA[Grüße aus München: Straßenfest verschoben]]>")
      .replace(/(<wp:comment_id>14<\/wp:comment_id>[\s\S]*?<wp:comment_approved><!\[CDATA\[)0/, "$11")
      .replace(/(<wp:comment_id>13<\/wp:comment_id>[\s\S]*?<wp:comment_approved><!\[CDATA\[)1/, "$10");
    const before = await totals();
    const report = await importWordPress({ db, xml: edited, now: NOW });
    expect(await totals()).toEqual(before);
    expect(report.articles).toEqual({ created: 0, updated: 4 });

    const festival = await article("101");
    expect(festival).toMatchObject({ title: "Grüße aus München: Straßenfest verschoben", slug: "gruesse-aus-muenchen" });
    expect(await comment("14")).toMatchObject({ status: "APPROVED" });
    expect(await comment("13")).toMatchObject({ status: "PENDING" });
    // 11, 12, 14 and 17 approved; 13 waits, so 12 has no reply that takes a place.
    expect(festival.commentCount).toBe(4);
    expect((await comment("12")).replyCount).toBe(0);
    expect((await comment("11")).replyCount).toBe(1);
  });
});
