import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { changeDisplayName } from "@/lib/accounts/commands";
import { deleteAccount } from "@/lib/accounts/data";
import { changeRole } from "@/lib/accounts/roles";
import { deleteArticle, saveArticle } from "@/lib/articles/commands";
import { publishArticle, unpublishArticle } from "@/lib/articles/publishing";
import type { ArticleInput } from "@/lib/articles/schema";
import { createSection } from "@/lib/articles/sections";
import { clearPageCache, isFresh, lookupPage, renderMark, storePage } from "@/lib/cache/page-store";
import { CACHE_TAGS } from "@/lib/cache/tags";
import type { CommandContext } from "@/lib/comments/commands/context";
import { deleteOwnComment } from "@/lib/comments/commands/delete";
import { setDiscussionOpen } from "@/lib/comments/commands/discussion";
import { editComment } from "@/lib/comments/commands/edit";
import { postComment } from "@/lib/comments/commands/post";
import { toggleReaction } from "@/lib/comments/commands/reactions";
import { reportComment } from "@/lib/comments/commands/reports";
import type { Db } from "@/lib/db/client";
import { importWordPress } from "@/lib/import/wordpress/import";
import { editCommentAsModerator, featureComment } from "@/lib/moderation/curation";
import { decideComments } from "@/lib/moderation/decisions";
import { restrictUser, setAlwaysPremoderate } from "@/lib/moderation/restrictions";
import { postgresStore } from "@/lib/ratelimit/postgres-store";
import { updateSiteSettings } from "@/lib/settings/commands";
import { readSiteSettings } from "@/lib/settings/site";

import { freshDatabase } from "../helpers/db";
import { articleInput, createArticle, createComment, createUser } from "../helpers/factories";

/**
 * Every write that changes a public page expires it from inside its command (lib/cache/invalidate.ts),
 * whoever calls it. The pages here carry the tags real renders note: an article page its own tag
 * and the site-wide ones, the home page the site-wide ones.
 */
let db: Db;
let ctx: CommandContext;
let admin: Awaited<ReturnType<typeof createUser>>;
let editor: Awaited<ReturnType<typeof createUser>>;
let a: Awaited<ReturnType<typeof createArticle>>;
let b: Awaited<ReturnType<typeof createArticle>>;

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ctx = { db, settings: await readSiteSettings(db), limits: postgresStore(db) };
  [admin, editor] = await Promise.all([createUser(db, { role: "ADMIN" }), createUser(db, { role: "EDITOR" })]);
});

beforeEach(async () => {
  [a, b] = await Promise.all([createArticle(db), createArticle(db)]);
  clearPageCache();
  const page = (tags: string[]) => ({
    status: 200,
    headers: {},
    bodies: { identity: Buffer.from("x") },
    etag: '"x"',
    tags,
    freshUntil: Date.now() + 60_000,
  });
  storePage("a", page([CACHE_TAGS.articles, CACHE_TAGS.article(a.slug), CACHE_TAGS.settings]), renderMark());
  storePage("b", page([CACHE_TAGS.articles, CACHE_TAGS.article(b.slug), CACHE_TAGS.settings]), renderMark());
  storePage("home", page([CACHE_TAGS.articles, CACHE_TAGS.sections, CACHE_TAGS.settings]), renderMark());
});

/** The stored pages a reader would no longer get from the cache. */
const expired = () => ["a", "b", "home"].filter((key) => !isFresh(lookupPage(key)!));
const EVERY_PAGE = ["a", "b", "home"];

const post = (userId: string, articleId: string, body = "Ein Gedanke.") =>
  postComment({ ...ctx, userId, articleId, body, idempotencyKey: randomUUID() });

describe("a reader's writes expire the one discussion they changed", () => {
  it("a comment that appears at once expires its article's page only, and the command names the article", async () => {
    const reader = await createUser(db);
    expect(await post(reader.id, a.id)).toMatchObject({ ok: true, comment: { status: "APPROVED" }, articleSlug: a.slug });
    expect(expired()).toEqual(["a"]);
  });

  it("a comment waiting for review expires nothing: only its writer sees it", async () => {
    const reader = await createUser(db, { alwaysPremoderate: true });
    expect(await post(reader.id, a.id)).toMatchObject({ ok: true, comment: { status: "PENDING" }, articleSlug: a.slug });
    expect(expired()).toEqual([]);
  });

  it("editing and deleting a public comment expire its article's page; a pending one's expire nothing", async () => {
    const reader = await createUser(db);
    const pending = await createComment(db, { articleId: b.id, authorId: reader.id, status: "PENDING" });
    expect(await editComment({ ...ctx, userId: reader.id, commentId: pending.id, body: "Anders." })).toMatchObject({
      ok: true,
      articleSlug: b.slug,
    });
    expect(await deleteOwnComment({ ...ctx, userId: reader.id, commentId: pending.id })).toMatchObject({ ok: true });
    expect(expired()).toEqual([]);

    const shown = await createComment(db, { articleId: a.id, authorId: reader.id });
    expect(await editComment({ ...ctx, userId: reader.id, commentId: shown.id, body: "Besser so." })).toMatchObject({ ok: true });
    expect(expired()).toEqual(["a"]);
    clearAndRestore();
    expect(await deleteOwnComment({ ...ctx, userId: reader.id, commentId: shown.id })).toMatchObject({ ok: true, articleSlug: a.slug });
    expect(expired()).toEqual(["a"]);
  });

  it("a like expires the liked comment's article; a report changes no reader's page", async () => {
    const [author, reader] = await Promise.all([createUser(db), createUser(db)]);
    const comment = await createComment(db, { articleId: b.id, authorId: author.id });
    expect(await reportComment({ ...ctx, userId: reader.id, commentId: comment.id, reason: "ABUSE" })).toMatchObject({ ok: true });
    expect(expired()).toEqual([]);
    expect(await toggleReaction({ ...ctx, userId: reader.id, commentId: comment.id })).toMatchObject({ ok: true, liked: true });
    expect(expired()).toEqual(["b"]);
  });

  it("closing a discussion expires that article's page", async () => {
    expect(await setDiscussionOpen({ db, actor: editor, articleId: a.id, open: false })).toMatchObject({ ok: true, articleSlug: a.slug });
    expect(expired()).toEqual(["a"]);
  });
});

describe("moderation expires only the discussions it changed", () => {
  it("approving a waiting comment expires its article's page, not every page", async () => {
    const reader = await createUser(db);
    const pending = await createComment(db, { articleId: a.id, authorId: reader.id, status: "PENDING" });
    expect(await decideComments({ db, actor: editor, commentIds: [pending.id], decision: "approve" })).toMatchObject({ ok: true, done: 1 });
    expect(expired()).toEqual(["a"]);
  });

  it("a decision on a selection expires the article of every comment it hid, once each", async () => {
    const reader = await createUser(db);
    const c = await createArticle(db);
    const onA = await createComment(db, { articleId: a.id, authorId: reader.id });
    const onB = await createComment(db, { articleId: b.id, authorId: reader.id });
    const pendingOnC = await createComment(db, { articleId: c.id, authorId: reader.id, status: "PENDING" });
    storePage(
      "c",
      {
        status: 200,
        headers: {},
        bodies: { identity: Buffer.from("x") },
        etag: '"x"',
        tags: [CACHE_TAGS.article(c.slug)],
        freshUntil: Date.now() + 60_000,
      },
      renderMark(),
    );
    const result = await decideComments({
      db,
      actor: editor,
      commentIds: [onA.id, onB.id, pendingOnC.id],
      decision: "reject",
      reason: "insult",
    });
    expect(result).toMatchObject({ ok: true, done: 3 });
    // Rejecting a comment nobody saw changes no page.
    expect(isFresh(lookupPage("c")!)).toBe(true);
    expect(expired()).toEqual(["a", "b"]);
  });

  it("keeping a reported comment changes nothing readers see", async () => {
    const [author, reader] = await Promise.all([createUser(db), createUser(db)]);
    const comment = await createComment(db, { articleId: a.id, authorId: author.id });
    await reportComment({ ...ctx, userId: reader.id, commentId: comment.id, reason: "SPAM" });
    expect(await decideComments({ db, actor: editor, commentIds: [comment.id], decision: "approve" })).toMatchObject({ ok: true, done: 1 });
    expect(expired()).toEqual([]);
  });

  it("featuring and correcting a public comment expire its article's page", async () => {
    const reader = await createUser(db);
    const comment = await createComment(db, { articleId: b.id, authorId: reader.id });
    expect(await featureComment({ db, actor: editor, commentId: comment.id, featured: true })).toEqual({ ok: true });
    expect(expired()).toEqual(["b"]);
    clearAndRestore();
    expect(
      await editCommentAsModerator({ db, actor: editor, commentId: comment.id, body: "Ohne Telefonnummer.", maxLength: 2000 }),
    ).toEqual({
      ok: true,
    });
    expect(expired()).toEqual(["b"]);
  });

  it("restricting a person or pre-moderating them changes no reader's page", async () => {
    const reader = await createUser(db);
    await createComment(db, { articleId: a.id, authorId: reader.id });
    expect(await restrictUser({ db, actor: editor, userId: reader.id, days: 1, reason: "insult" })).toMatchObject({ ok: true });
    expect(await setAlwaysPremoderate({ db, actor: editor, userId: reader.id, on: true })).toEqual({ ok: true });
    expect(expired()).toEqual([]);
  });
});

describe("articles, sections, settings and people expire every page", () => {
  const input = (article: { title: string; slug: string; authorId: string }, changes: Partial<ArticleInput> = {}): ArticleInput =>
    articleInput({ title: article.title, slug: article.slug, body: "Ein Absatz.", authorId: article.authorId, ...changes });

  it("a draft's save expires nothing; a published article's save expires every page, under its old slug too", async () => {
    const draft = await createArticle(db, { status: "DRAFT", publishedAt: null });
    expect(await saveArticle({ db, actor: admin, id: draft.id, input: input(draft, { title: "Neuer Titel" }) })).toMatchObject({
      ok: true,
      status: "DRAFT",
    });
    expect(expired()).toEqual([]);

    // The old slug's page (a redirect from now on) is tagged with that slug only.
    storePage(
      "old",
      {
        status: 200,
        headers: {},
        bodies: { identity: Buffer.from("x") },
        etag: '"x"',
        tags: [CACHE_TAGS.article(a.slug)],
        freshUntil: Date.now() + 60_000,
      },
      renderMark(),
    );
    expect(await saveArticle({ db, actor: admin, id: a.id, input: input(a, { slug: `${a.slug}-neu` }) })).toMatchObject({
      ok: true,
      slug: `${a.slug}-neu`,
    });
    expect(expired()).toEqual(EVERY_PAGE);
    expect(isFresh(lookupPage("old")!)).toBe(false);
  });

  it("publishing, taking back and deleting an article expire every page", async () => {
    const draft = await createArticle(db, { status: "DRAFT", publishedAt: null });
    expect(await publishArticle({ db, actor: admin, id: draft.id, at: null })).toMatchObject({ ok: true, status: "PUBLISHED" });
    expect(expired()).toEqual(EVERY_PAGE);
    clearAndRestore();
    expect(await unpublishArticle({ db, actor: admin, id: draft.id })).toEqual({ ok: true });
    expect(expired()).toEqual(EVERY_PAGE);
    clearAndRestore();
    // Taking back a draft again changes nothing.
    expect(await unpublishArticle({ db, actor: admin, id: draft.id })).toEqual({ ok: true });
    expect(expired()).toEqual([]);
    expect(await deleteArticle({ db, actor: admin, id: draft.id })).toEqual({ ok: true });
    expect(expired()).toEqual(EVERY_PAGE);
  });

  it("a setting change expires every page; a save that changes nothing expires none", async () => {
    const { maxLinks } = await readSiteSettings(db);
    expect(await updateSiteSettings({ db, actor: admin, input: { maxLinks } })).toEqual({ ok: true, changed: [] });
    expect(expired()).toEqual([]);
    expect(await updateSiteSettings({ db, actor: admin, input: { maxLinks: maxLinks + 1 } })).toEqual({ ok: true, changed: ["maxLinks"] });
    expect(expired()).toEqual(EVERY_PAGE);
  });

  it("a new section expires every page (the navigation lists the sections)", async () => {
    expect(await createSection({ db, actor: admin, input: { name: `Rubrik ${randomUUID().slice(0, 8)}`, position: 5 } })).toMatchObject({
      ok: true,
    });
    expect(expired()).toEqual(EVERY_PAGE);
  });

  it("a role change, a new display name and a deleted account expire every page: names and badges stand under comments anywhere", async () => {
    const reader = await createUser(db);
    expect(await changeRole({ db, actor: admin, targetId: reader.id, role: "READER" })).toEqual({ ok: true });
    expect(expired()).toEqual([]);
    expect(await changeRole({ db, actor: admin, targetId: reader.id, role: "EDITOR" })).toEqual({ ok: true });
    expect(expired()).toEqual(EVERY_PAGE);
    clearAndRestore();
    await changeDisplayName({ db, userId: reader.id, name: "Eva Nachtigall" });
    expect(expired()).toEqual(EVERY_PAGE);
    clearAndRestore();
    await deleteAccount({ db, userId: reader.id, policy: "anonymize" });
    expect(expired()).toEqual(EVERY_PAGE);
  });

  it("a WordPress import expires every page", async () => {
    const xml = readFileSync(path.resolve(import.meta.dirname, "../fixtures/wordpress-export.xml"), "utf8");
    await importWordPress({ db, xml, actorId: admin.id });
    expect(expired()).toEqual(EVERY_PAGE);
  });
});

/** Stores the three pages afresh, for a second write in the same test. */
function clearAndRestore() {
  for (const key of ["a", "b", "home"]) {
    const page = lookupPage(key)!;
    storePage(key, { ...page, freshUntil: Date.now() + 60_000 }, renderMark());
  }
}
