/**
 * How each row of the matrix is tried: what a cell needs beforehand (fixtures), the call itself as
 * the product's own forms and clients send it, and what it changes or shows.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

import { issueToken } from "../../lib/accounts/tokens";
import { unsubscribeLink } from "../../lib/accounts/unsubscribe";
import { COMMENT_SORT_COOKIE } from "../../lib/comments/paths";
import { LOCALE_COOKIE } from "../../lib/i18n/config";
import { readSiteSettings } from "../../lib/settings/site";
import { createAccount, E2E_PASSWORD } from "../support/accounts";
import { addComments, createArticle } from "../support/comments";
import type { ActionAnswer } from "../support/server-actions";
import { arrangeGuestRows, GUEST_PROBES } from "./authz-guest-probes";
import {
  call,
  change,
  cookie,
  form,
  FORM_START,
  keptSetting,
  mark,
  openStream,
  own,
  pageProbe,
  scene,
  sessionUserId,
  view,
  type Caller,
  type Person,
  type Probe,
} from "./authz-harness";
import type { RowId } from "./authz-matrix";

const { people } = scene;

// ── Fixtures shared by the rows: a published article with the reader's comment, a draft with a comment

let article: { id: string; slug: string; path: string };
let draft: { id: string; slug: string; title: string; marker: string; commentMarker: string };
let readerTrace: string;
const createdArticleIds: string[] = [];

export async function arrangeShared() {
  article = await publishedArticle();
  readerTrace = (await comment(article.id, people.reader.id)).body;
  // Unpublished: it was public once and keeps a comment.
  const created = await draftArticle({ publishedAt: MONTH_AGO() });
  const commentMarker = (await comment(created.id, people.bystander.id)).body;
  draft = { id: created.id, slug: created.slug, title: created.title, marker: created.marker, commentMarker };
  await arrangeGuestRows();
}

/** Articles and sections made here would show up in other tests' lists and navigation. */
export async function removeFixtures() {
  await scene.db.article.deleteMany({ where: { OR: [{ id: { in: createdArticleIds } }, { title: { startsWith: "Authz authz-" } }] } });
  await scene.db.section.deleteMany({ where: { name: { startsWith: "Authz authz-" } } });
}

const comment = async (articleId: string, authorId: string, status: "APPROVED" | "PENDING" = "APPROVED") => {
  const body = mark("kommentar");
  const [id] = await addComments(articleId, authorId, [body], { status, minutesAgo: 1 });
  return { id: id!, body };
};
const publishedArticle = async () => {
  const created = await createArticle();
  createdArticleIds.push(created.id);
  return created;
};
// Markers are never part of an address: Next echoes the URL in every answer, a 403 page too.
const draftArticle = async (data: { status?: "DRAFT" | "PUBLISHED"; publishedAt?: Date } = {}) => {
  const marker = mark("geheim");
  const created = await scene.db.article.create({
    data: {
      slug: mark("entwurf"),
      title: `Authz ${mark("titel")}`,
      body: `Noch geheim: ${marker}`,
      status: data.status ?? "DRAFT",
      publishedAt: data.publishedAt,
      authorId: people.admin.id,
    },
  });
  createdArticleIds.push(created.id);
  return { ...created, marker };
};
const MONTH_AGO = () => new Date(Date.now() - 30 * 86_400_000);

// ── Calls of the comment section, from the article page as its forms send them

const commentForm = (fields: Record<string, string>, articleId = article.id) => form({ articleId, enhanced: "1", ...fields });
const commentCall = (caller: Caller, name: string, fields: Record<string, string>, articleId?: string) =>
  call(caller, "actions/comments.ts", name, [FORM_START, commentForm(fields, articleId)], article.path);
const accountCall = (caller: Caller, name: string, fields: Record<string, string>, from = "/konto") =>
  call(caller, "actions/account.ts", name, [FORM_START, form(fields)], from);
const moderationCall = (caller: Caller, name: "queueAction" | "moderateUserAction", fields: Record<string, string>) =>
  call(
    caller,
    "actions/moderation.ts",
    name,
    [FORM_START, form(fields)],
    name === "queueAction" ? "/moderation/ausstehend" : "/moderation/personen",
  );
const articleCall = (caller: Caller, name: string, args: unknown[]) =>
  call(caller, "actions/articles.ts", name, args, "/admin/artikel/neu");
const sectionCall = (caller: Caller, fields: Record<string, string>) =>
  call(caller, "actions/sections.ts", "sectionAction", [FORM_START, form(fields)], "/admin/rubriken");

const commentStatus = async (id: string) =>
  (await scene.db.comment.findUnique({ where: { id }, select: { status: true, body: true, featured: true } })) ?? "gone";
const likesOf = async (commentId: string) =>
  (await scene.db.reaction.findMany({ where: { commentId }, select: { userId: true } })).map((r) => r.userId);
const reportersOf = async (commentId: string) =>
  (await scene.db.report.findMany({ where: { commentId }, select: { reporterId: true } })).map((r) => r.reporterId);
const userRow = (id: string) =>
  scene.db.user.findUnique({
    where: { id },
    select: {
      name: true,
      email: true,
      role: true,
      passwordHash: true,
      bannedUntil: true,
      alwaysPremoderate: true,
      notifyReplies: true,
      notifyDigest: true,
    },
  });
const tokens = (userId: string, purpose: "RESET_PASSWORD" | "CHANGE_EMAIL" | "VERIFY_EMAIL") =>
  scene.db.accountToken.count({ where: { userId, purpose } });
const freshReader = () => createAccount("READER");

/** A like or a report, on the reader's comment under the article or on a bystander's under the unpublished draft. */
const reactionProbe = (
  name: string,
  fields: Record<string, string>,
  by: (commentId: string) => Promise<Array<string | null>>,
  under: "article" | "draft",
) =>
  change({
    arrange: () => (under === "article" ? comment(article.id, people.reader.id) : comment(draft.id, people.bystander.id)),
    act: (caller, c) => commentCall(caller, name, { commentId: c.id, ...fields }, under === "article" ? article.id : draft.id),
    observe: (_caller, c) => by(c.id),
    happened: (after) => after.length === 1,
  });

/** A person's account as moderation sees it, changed by moderateUserAction. */
const personProbe = (
  fields: Record<string, string>,
  target: () => Promise<Person>,
  happened: (after: Awaited<ReturnType<typeof userRow>>) => boolean,
) =>
  change({
    arrange: target,
    act: (caller, person: Person) => moderationCall(caller, "moderateUserAction", { userId: person.id, ...fields }),
    observe: (_caller, person: Person) => userRow(person.id),
    happened,
  });

/** A comment of the reader's, decided on in the moderation queue. */
const queueProbe = (
  status: "APPROVED" | "PENDING",
  fields: (id: string) => Record<string, string>,
  happened: (after: Awaited<ReturnType<typeof commentStatus>>) => boolean,
) =>
  change({
    arrange: () => comment(article.id, people.reader.id, status),
    act: (caller, c: { id: string }) => moderationCall(caller, "queueAction", fields(c.id)),
    observe: (_caller, c: { id: string }) => commentStatus(c.id),
    happened,
  });

const ARTICLE_INPUT = {
  slug: "",
  dek: null,
  body: "Ein Absatz.",
  sectionId: null,
  tags: [],
  leadImageUrl: "",
  leadImageAlt: null,
  leadImageCaption: null,
  seoTitle: null,
  seoDescription: null,
  commentsOpen: true,
  premoderate: false,
};
const articleRow = (id: string) => scene.db.article.findUnique({ where: { id }, select: { title: true, status: true } });

// A 1×1 PNG; trailing bytes make each upload a new file.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const UPLOADS = path.resolve(".data/e2e-uploads");
const uploads = () => (existsSync(UPLOADS) ? readdirSync(UPLOADS).length : 0);

/** A WordPress export (of a site of its own) with one draft post by the admin, so that an import adds nothing readers would see. */
const wordpressExport = (name: string, site = `https://${name}.example.org`) => `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Authz</title><link>${site}</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>${site}</wp:base_site_url><wp:base_blog_url>${site}</wp:base_blog_url>
<wp:author><wp:author_login><![CDATA[anton]]></wp:author_login><wp:author_email><![CDATA[${people.admin.email}]]></wp:author_email><wp:author_display_name><![CDATA[Anton Admin]]></wp:author_display_name></wp:author>
<item><title><![CDATA[Authz ${name}]]></title><dc:creator><![CDATA[anton]]></dc:creator><content:encoded><![CDATA[<p>Ein Absatz.</p>]]></content:encoded>
<wp:post_id>1</wp:post_id><wp:post_date_gmt><![CDATA[2026-01-01 10:00:00]]></wp:post_date_gmt><wp:post_name><![CDATA[${name}]]></wp:post_name><wp:status><![CDATA[draft]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type></item>
</channel></rss>`;

const settingValue = async (key: string) => (await scene.db.setting.findUnique({ where: { key } }))?.value ?? null;
const siteDescription = keptSetting("siteDescription");
const suspectWords = keptSetting("suspectWords");
const NEW_PASSWORD = "Ein neues Kennwort am Meer";

export const PROBES: Record<RowId, Probe> = {
  "comment.post": change({
    arrange: async () => mark("neu"),
    act: (caller, body: string) => commentCall(caller, "postCommentAction", { body, idempotencyKey: randomUUID() }),
    observe: (_caller, body: string) => scene.db.comment.findMany({ where: { body }, select: { status: true } }),
    happened: (after) => after.length === 1 && after[0]?.status === "APPROVED",
  }),
  "comment.post-on-draft": change({
    arrange: async () => mark("neu"),
    act: (caller, body: string) => commentCall(caller, "postCommentAction", { body, idempotencyKey: randomUUID() }, draft.id),
    observe: (_caller, body: string) => scene.db.comment.count({ where: { body } }),
    happened: (after) => after === 1,
  }),
  "comment.edit": change({
    arrange: async () => ({ ...(await comment(article.id, people.reader.id)), text: mark("geaendert") }),
    act: (caller, c) => commentCall(caller, "editCommentAction", { commentId: c.id, body: c.text }),
    observe: (_caller, c) => commentStatus(c.id),
    happened: (after, _before, c) => after !== "gone" && after.body === c.text,
  }),
  "comment.delete": change({
    arrange: () => comment(article.id, people.reader.id),
    act: (caller, c) => commentCall(caller, "deleteCommentAction", { commentId: c.id }),
    observe: (_caller, c) => commentStatus(c.id),
    happened: (after) => after === "gone",
  }),
  "comment.like": reactionProbe("toggleReactionAction", {}, likesOf, "article"),
  "comment.like-on-unpublished": reactionProbe("toggleReactionAction", {}, likesOf, "draft"),
  "comment.report": reactionProbe("reportCommentAction", { reason: "ABUSE" }, reportersOf, "article"),
  "comment.report-on-unpublished": reactionProbe("reportCommentAction", { reason: "ABUSE" }, reportersOf, "draft"),
  "comment.sort": change({
    session: "copy",
    act: (caller) =>
      call(caller, "actions/comments.ts", "setCommentSortAction", [form({ sort: "newest", slug: article.slug })], article.path),
    observe: (caller) => cookie(caller.request, COMMENT_SORT_COOKIE),
    happened: (after) => after === "newest",
  }),
  "discussion.close": change({
    arrange: publishedArticle,
    act: (caller, a) =>
      call(caller, "actions/comments.ts", "setDiscussionOpenAction", [FORM_START, form({ articleId: a.id, open: "0" })], a.path),
    observe: async (_caller, a) => (await scene.db.article.findUniqueOrThrow({ where: { id: a.id } })).commentsOpen,
    happened: (after) => after === false,
  }),
  "locale.switch": change({
    session: "copy",
    act: (caller) => call(caller, "actions/locale.ts", "switchLocale", [form({ locale: "en" })], "/"),
    observe: (caller) => cookie(caller.request, LOCALE_COOKIE),
    happened: (after) => after === "en",
  }),

  "account.sign-in": change({
    session: "copy",
    arrange: freshReader,
    act: (caller, person) =>
      accountCall(caller, "signInAction", { email: person.email, password: person.password, callbackUrl: "/" }, "/anmelden"),
    observe: (caller) => sessionUserId(caller.request),
    happened: (after, _before, person) => after === person.id,
  }),
  "account.sign-in-around-the-limits": change({
    session: "copy",
    arrange: freshReader,
    act: async (caller, person) => {
      const { csrfToken } = (await (await caller.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const response = await caller.request.post("/api/auth/callback/credentials", {
        form: { csrfToken, email: person.email, password: person.password },
        maxRedirects: 0,
        failOnStatusCode: false,
      });
      return response.status();
    },
    observe: (caller) => sessionUserId(caller.request),
    happened: (after, _before, person) => after === person.id,
  }),
  "account.sign-up": change({
    session: "copy",
    arrange: async () => ({ email: `${mark("anmeldung")}@example.org`, name: "Nora Neuling" }),
    act: (caller, account) => accountCall(caller, "signUpAction", { ...account, password: E2E_PASSWORD }, "/registrieren"),
    observe: (_caller, account) => scene.db.user.count({ where: { email: account.email } }),
    happened: (after) => after === 1,
  }),
  "account.sign-out": change({
    session: "copy",
    act: (caller) => call(caller, "actions/account.ts", "signOutAction", [], "/"),
    observe: (caller) => sessionUserId(caller.request),
    happened: (after, _before, _f, answer) => after === null && !!(answer as ActionAnswer).redirect?.endsWith("/?abgemeldet=1"),
  }),
  "account.oauth": view({
    look: async (caller) => {
      const answer = await call(
        caller,
        "actions/account.ts",
        "oauthSignInAction",
        [form({ provider: "github", callbackUrl: "/" })],
        "/anmelden",
      );
      return answer.redirect?.startsWith(`${scene.origin}/api/auth/signin`) ? "allowed" : `answer ${JSON.stringify(answer)}`;
    },
  }),
  "account.reset-request": change({
    arrange: freshReader,
    act: async (caller, person) => {
      const answer = await accountCall(caller, "requestResetAction", { email: person.email }, "/passwort-vergessen");
      // The link is made and mailed after the answer (so its timing tells nothing): wait for it.
      for (let waited = 0; waited < 5_000 && (await tokens(person.id, "RESET_PASSWORD")) === 0; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return answer;
    },
    observe: (_caller, person) => tokens(person.id, "RESET_PASSWORD"),
    happened: (after) => after === 1,
  }),
  "account.reset": change({
    session: "copy",
    arrange: async () => {
      const person = await freshReader();
      return { person, token: await issueToken(scene.db, person.id, "RESET_PASSWORD") };
    },
    act: (caller, f) => accountCall(caller, "resetPasswordAction", { token: f.token, password: NEW_PASSWORD }, "/passwort-zuruecksetzen"),
    observe: async (_caller, f) => (await userRow(f.person.id))?.passwordHash,
    happened: (after, before) => after !== before,
  }),
  "account.name": change({
    arrange: async () => `Neuer Name ${randomBytes(3).toString("hex")}`,
    act: (caller, name) => accountCall(caller, "changeNameAction", { name, userId: people.reader.id }),
    observe: async (caller) => ({
      own: (await userRow(own(caller).id))?.name,
      reader: (await userRow(people.reader.id))?.name,
      isReader: own(caller) === people.reader,
    }),
    happened: (after, before, name) => after.own === name && (after.isReader || after.reader === before.reader),
  }),
  "account.email": change({
    arrange: async () => `${mark("adresse")}@example.org`,
    act: (caller, email) => accountCall(caller, "changeEmailAction", { email }),
    observe: (caller, email) => scene.db.accountToken.count({ where: { userId: own(caller).id, purpose: "CHANGE_EMAIL", email } }),
    happened: (after) => after === 1,
  }),
  "account.verification-resend": change({
    session: { fresh: { verified: false } },
    act: (caller) => accountCall(caller, "resendVerificationAction", {}),
    observe: (caller) => tokens(own(caller).id, "VERIFY_EMAIL"),
    happened: (after) => after === 1,
  }),
  "account.password": change({
    session: { fresh: {} },
    act: (caller) => accountCall(caller, "changePasswordAction", { currentPassword: E2E_PASSWORD, newPassword: NEW_PASSWORD }),
    observe: async (caller) => (await userRow(own(caller).id))?.passwordHash,
    happened: (after, before) => after !== before,
  }),
  "account.delete": change({
    session: { fresh: {} },
    act: (caller) => accountCall(caller, "deleteAccountAction", { confirmEmail: own(caller).email }),
    observe: (caller) => scene.db.user.count({ where: { id: own(caller).id } }),
    happened: (after) => after === 0,
  }),
  "account.delete-someone-else": change({
    session: { fresh: {} },
    arrange: freshReader,
    act: (caller, person) => accountCall(caller, "deleteAccountAction", { confirmEmail: person.email }),
    observe: async (caller, person) => ({
      named: await scene.db.user.count({ where: { id: person.id } }),
      caller: await scene.db.user.count({ where: { id: own(caller).id } }),
    }),
    happened: (after) => after.named === 0,
  }),
  "notice.appeal": change({
    arrange: () => scene.db.notice.create({ data: { userId: people.reader.id, kind: "user.suspended", data: { reason: "insult" } } }),
    act: (caller, notice) => accountCall(caller, "appealAction", { noticeId: notice.id, text: "Ich widerspreche." }, "/konto/mitteilungen"),
    observe: async (_caller, notice) =>
      (await scene.db.notice.findUniqueOrThrow({ where: { id: notice.id } })).appealedAt?.toISOString() ?? null,
    happened: (after) => after !== null,
  }),
  "notify.replies": change({
    arrange: (caller) => scene.db.user.update({ where: { id: own(caller).id }, data: { notifyReplies: false, notifyDigest: false } }),
    act: (caller) => accountCall(caller, "notificationPrefsAction", { notifyReplies: "on" }),
    observe: async (caller) => userRow(own(caller).id),
    happened: (after) => after?.notifyReplies === true,
  }),
  "notify.digest": change({
    arrange: (caller) => scene.db.user.update({ where: { id: own(caller).id }, data: { notifyReplies: false, notifyDigest: false } }),
    act: (caller) => accountCall(caller, "notificationPrefsAction", { notifyDigest: "on" }),
    observe: async (caller) => userRow(own(caller).id),
    happened: (after) => after?.notifyDigest === true,
  }),
  "account.export": view({
    look: async (caller) => {
      const response = await caller.request.get(`/konto/export?userId=${people.reader.id}`, { failOnStatusCode: false });
      const text = await response.text();
      const showsReader = text.includes(people.reader.email) || text.includes(readerTrace);
      if (!caller.person)
        return response.status() === 401 && !showsReader ? "refused" : `status ${response.status()}, reader's data: ${showsReader}`;
      const exported = JSON.parse(text) as { profile: { id: string } };
      if (exported.profile.id !== caller.person.id) return `the export of ${exported.profile.id}, not the caller's`;
      return showsReader ? "allowed" : "refused";
    },
  }),
  "account.confirm-link": change({
    arrange: async () => {
      const person = await freshReader();
      const email = `${mark("bestaetigt")}@example.org`;
      return { person, email, token: await issueToken(scene.db, person.id, "CHANGE_EMAIL", { email }) };
    },
    act: (caller, f) => caller.request.get(`/konto/bestaetigen?token=${f.token}`, { maxRedirects: 0 }),
    observe: async (caller, f) => ({
      named: (await userRow(f.person.id))?.email,
      caller: caller.person ? (await userRow(caller.person.id))?.email : null,
    }),
    happened: (after, before, f) => after.named === f.email && after.caller === before.caller,
  }),
  "account.confirm-used-link": change({
    arrange: async () => {
      const person = await freshReader();
      const email = `${mark("bestaetigt")}@example.org`;
      const token = await issueToken(scene.db, person.id, "CHANGE_EMAIL", { email });
      await scene.db.accountToken.updateMany({ where: { userId: person.id }, data: { usedAt: new Date() } });
      return { person, email, token };
    },
    act: (caller, f) => caller.request.get(`/konto/bestaetigen?token=${f.token}`, { maxRedirects: 0 }),
    observe: async (_caller, f) => (await userRow(f.person.id))?.email,
    happened: (after, _before, f) => after === f.email,
  }),
  "notify.unsubscribe-link": change({
    arrange: async () => {
      const person = await freshReader();
      await scene.db.user.update({ where: { id: person.id }, data: { notifyReplies: true } });
      return new URL(unsubscribeLink(scene.origin, person.id, "replies")).search;
    },
    act: (caller, query) => caller.request.get(`/benachrichtigungen/abbestellen${query}`, { maxRedirects: 0 }),
    observe: async (_caller, query) => (await userRow(new URLSearchParams(query).get("u")!))?.notifyReplies,
    happened: (after) => after === false,
  }),
  "notify.unsubscribe-forged": change({
    arrange: async () => {
      const person = await freshReader();
      await scene.db.user.update({ where: { id: person.id }, data: { notifyReplies: true } });
      const othersSignature = new URL(unsubscribeLink(scene.origin, people.bystander.id, "replies")).searchParams.get("sig")!;
      return { person, query: new URLSearchParams({ u: person.id, thema: "replies", sig: othersSignature }).toString() };
    },
    act: (caller, f) => caller.request.get(`/benachrichtigungen/abbestellen?${f.query}`, { maxRedirects: 0 }),
    observe: async (_caller, f) => (await userRow(f.person.id))?.notifyReplies,
    happened: (after) => after === false,
  }),

  "user.role": change({
    arrange: freshReader,
    act: (caller, person) =>
      call(
        caller,
        "actions/users.ts",
        "changeRoleAction",
        [FORM_START, form({ userId: person.id, role: "EDITOR", name: person.name })],
        "/admin/benutzer",
      ),
    observe: async (_caller, person) => (await userRow(person.id))?.role,
    happened: (after) => after === "EDITOR",
  }),
  "settings.save": change({
    arrange: async () => {
      await siteDescription.remember();
      return { settings: await readSiteSettings(scene.db), description: mark("beschreibung") };
    },
    act: (caller, f) => {
      const fields = Object.fromEntries(
        Object.entries(f.settings).map(([key, value]) => [key, Array.isArray(value) ? value.join("\n") : String(value)]),
      );
      return call(
        caller,
        "actions/settings.ts",
        "saveSettingsAction",
        [FORM_START, form({ ...fields, siteDescription: f.description })],
        "/admin/einstellungen",
      );
    },
    observe: () => settingValue("siteDescription"),
    happened: (after, _before, f) => after === f.description,
    finish: siteDescription.restore,
  }),
  "article.create": change({
    arrange: async () => `Authz ${mark("neu")}`,
    act: (caller, title) => articleCall(caller, "saveArticleAction", [null, { ...ARTICLE_INPUT, title, authorId: people.admin.id }]),
    observe: (_caller, title) => scene.db.article.count({ where: { title } }),
    happened: (after) => after === 1,
  }),
  "article.save": change({
    arrange: async () => ({ draft: await draftArticle(), title: `Authz ${mark("titel")}` }),
    act: (caller, f) =>
      articleCall(caller, "saveArticleAction", [
        f.draft.id,
        { ...ARTICLE_INPUT, title: f.title, slug: f.draft.slug, authorId: f.draft.authorId },
      ]),
    observe: (_caller, f) => articleRow(f.draft.id),
    happened: (after, _before, f) => after?.title === f.title,
  }),
  "article.publish": change({
    // Public once before: published again, it keeps that date and does not lead the front page.
    arrange: () => draftArticle({ publishedAt: MONTH_AGO() }),
    act: (caller, a) => articleCall(caller, "publishArticleAction", [a.id, null]),
    observe: (_caller, a) => articleRow(a.id),
    happened: (after) => after?.status === "PUBLISHED",
  }),
  "article.unpublish": change({
    arrange: () => draftArticle({ status: "PUBLISHED", publishedAt: MONTH_AGO() }),
    act: (caller, a) => articleCall(caller, "unpublishArticleAction", [a.id]),
    observe: (_caller, a) => articleRow(a.id),
    happened: (after) => after?.status === "DRAFT",
  }),
  "article.delete": change({
    arrange: () => draftArticle(),
    act: (caller, a) => articleCall(caller, "deleteArticleAction", [a.id]),
    observe: (_caller, a) => articleRow(a.id),
    happened: (after) => after === null,
  }),
  "article.preview": view({
    look: async (caller) => {
      const answer = await articleCall(caller, "previewMarkdownAction", ["**fett**"]);
      return answer.result === "<p><strong>fett</strong></p>\n"
        ? "allowed"
        : answer.result === ""
          ? "refused"
          : `answer ${JSON.stringify(answer)}`;
    },
  }),
  "section.create": change({
    arrange: async () => `Authz ${mark("rubrik")}`,
    act: (caller, name) => sectionCall(caller, { intent: "create", name, position: "99" }),
    observe: (_caller, name) => scene.db.section.count({ where: { name } }),
    happened: (after) => after === 1,
  }),
  "section.rename": change({
    arrange: async () => ({ section: await section(), name: `Authz ${mark("umbenannt")}` }),
    act: (caller, f) => sectionCall(caller, { intent: "update", id: f.section.id, name: f.name, position: "99" }),
    observe: async (_caller, f) => (await scene.db.section.findUnique({ where: { id: f.section.id } }))?.name,
    happened: (after, _before, f) => after === f.name,
  }),
  "section.delete": change({
    arrange: () => section(),
    act: (caller, s) => sectionCall(caller, { intent: "delete", id: s.id }),
    observe: (_caller, s) => scene.db.section.count({ where: { id: s.id } }),
    happened: (after) => after === 0,
  }),
  "media.upload": change({
    act: (caller) =>
      caller.request.post("/api/admin/medien", {
        multipart: { file: { name: "bild.png", mimeType: "image/png", buffer: Buffer.concat([PNG, randomBytes(8)]) } },
        headers: { origin: scene.origin },
        failOnStatusCode: false,
      }),
    observe: async () => uploads(),
    happened: (after, before) => after === before + 1,
  }),
  "import.upload": change({
    arrange: async () => mark("import"),
    act: (caller, name) =>
      caller.request.post("/api/admin/import", {
        multipart: { file: { name: "export.xml", mimeType: "text/xml", buffer: Buffer.from(wordpressExport(name)) } },
        headers: { origin: scene.origin },
        failOnStatusCode: false,
      }),
    observe: (_caller, name) => scene.db.article.count({ where: { title: `Authz ${name}` } }),
    happened: (after) => after === 1,
  }),

  "queue.approve": queueProbe(
    "PENDING",
    (commentId) => ({ commentId, decision: "approve" }),
    (after) => after !== "gone" && after.status === "APPROVED",
  ),
  "queue.reject": queueProbe(
    "APPROVED",
    (commentId) => ({ commentId, decision: "reject", reason: "insult" }),
    (after) => after !== "gone" && after.status === "REJECTED",
  ),
  "queue.feature": queueProbe(
    "APPROVED",
    (commentId) => ({ intent: "feature", commentId, featured: "1" }),
    (after) => after !== "gone" && after.featured,
  ),
  "queue.edit": queueProbe(
    "APPROVED",
    (commentId) => ({ intent: "edit", commentId, body: "Telefonnummer entfernt." }),
    (after) => after !== "gone" && after.body === "Telefonnummer entfernt.",
  ),
  "person.suspend": personProbe({ intent: "restrict", days: "1", reason: "insult" }, freshReader, (after) => !!after?.bannedUntil),
  "person.suspend-editor": personProbe(
    { intent: "restrict", days: "1", reason: "insult" },
    () => createAccount("EDITOR"),
    (after) => !!after?.bannedUntil,
  ),
  "person.lift": personProbe(
    { intent: "lift" },
    async () => {
      const person = await freshReader();
      await scene.db.user.update({
        where: { id: person.id },
        data: { bannedUntil: new Date(Date.now() + 86_400_000), banReason: "insult" },
      });
      return person;
    },
    (after) => after?.bannedUntil === null,
  ),
  "person.premoderate": personProbe({ intent: "premoderate", on: "1" }, freshReader, (after) => after?.alwaysPremoderate === true),

  "live.published": view({ look: (caller) => openStream(caller, `/api/live/${article.id}`) }),
  "live.draft": view({ look: (caller) => openStream(caller, `/api/live/${draft.id}`) }),
  "feed.draft-comments": view({
    look: async (caller) => {
      const response = await caller.request.get(`/artikel/${draft.slug}/kommentare/feed.xml`, { failOnStatusCode: false });
      const shows = (await response.text()).includes(draft.commentMarker);
      return response.status() === 200 && shows
        ? "allowed"
        : response.status() === 404 && !shows
          ? "refused"
          : `status ${response.status()}, comment shown: ${shows}`;
    },
  }),
  "page.draft": pageProbe(() => `/artikel/${draft.slug}`, { marker: () => draft.marker, refusedSignedIn: 404, refusedSignedOut: 404 }),

  // The newest change leads the list that /admin sends admins to.
  "page.admin": pageProbe(() => "/admin", { arrange: async () => (await draftArticle()).title, marker: (title) => title, redirects: true }),
  "page.admin-articles": pageProbe(() => `/admin/artikel?q=${draft.slug}`, { marker: () => draft.title }),
  // The author list names every editor and admin with their address.
  "page.admin-article-new": pageProbe(() => "/admin/artikel/neu", { marker: () => people.admin.email }),
  "page.admin-article-edit": pageProbe(() => `/admin/artikel/${draft.id}`, { marker: () => draft.marker }),
  "page.admin-article-preview": pageProbe(() => `/admin/artikel/${draft.id}/vorschau`, { marker: () => draft.marker }),
  "page.admin-users": pageProbe(() => `/admin/benutzer?q=${encodeURIComponent(people.bystander.name)}`, {
    marker: () => people.bystander.email,
  }),
  "page.admin-settings": pageProbe(() => "/admin/einstellungen", {
    arrange: async () => {
      await suspectWords.remember();
      const word = mark("verdacht");
      await scene.db.setting.upsert({
        where: { key: "suspectWords" },
        create: { key: "suspectWords", value: [word] },
        update: { value: [word] },
      });
      return word;
    },
    marker: (word) => word,
    finish: suspectWords.restore,
  }),
  // Forms without data of their own: what matters is who gets the page.
  "page.admin-import": pageProbe(() => "/admin/import"),
  "page.admin-sections": pageProbe(() => "/admin/rubriken"),
  "page.moderation": pageProbe(() => "/moderation", { arrange: heldComment, marker: (held) => held, redirects: true }),
  "page.moderation-queue": pageProbe(() => "/moderation/ausstehend", { arrange: heldComment, marker: (held) => held }),
  "page.moderation-people": pageProbe(() => `/moderation/personen?q=${encodeURIComponent(people.bystander.name)}`, {
    marker: () => people.bystander.email,
  }),
  "page.moderation-log": pageProbe(() => "/moderation/protokoll", {
    arrange: async () => {
      const entry = mark("protokoll");
      await scene.db.moderationLogEntry.create({
        data: {
          actorId: people.admin.id,
          action: "user.premoderate_on",
          targetType: "user",
          targetId: people.bystander.id,
          after: { note: entry },
        },
      });
      return entry;
    },
    marker: (entry) => entry,
  }),
  ...GUEST_PROBES,
  "page.account": pageProbe(() => "/konto", { marker: () => people.reader.email, refusedSignedIn: 200 }),
  "page.notices": pageProbe(() => "/konto/mitteilungen", {
    arrange: async () => {
      const note = mark("mitteilung");
      await scene.db.notice.create({ data: { userId: people.reader.id, kind: "user.suspended", data: { reason: "other", note } } });
      return note;
    },
    marker: (note) => note,
    refusedSignedIn: 200,
  }),
};

async function section() {
  const name = `Authz ${mark("rubrik")}`;
  return scene.db.section.create({ data: { name, slug: name.toLowerCase().replace(/\W+/g, "-"), position: 99 } });
}

async function heldComment(): Promise<string> {
  return (await comment(article.id, people.bystander.id, "PENDING")).body;
}
