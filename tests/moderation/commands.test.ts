import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { CommandContext } from "@/lib/comments/commands/context";
import { postComment } from "@/lib/comments/commands/post";
import { reportComment } from "@/lib/comments/commands/reports";
import type { Db } from "@/lib/db/client";
import { appealNotice } from "@/lib/moderation/appeals";
import { editCommentAsModerator, featureComment } from "@/lib/moderation/curation";
import { decideComment, decideComments } from "@/lib/moderation/decisions";
import { listQueue, queueCounts } from "@/lib/moderation/queries";
import { liftRestriction, restrictUser, setAlwaysPremoderate } from "@/lib/moderation/restrictions";
import { postgresStore } from "@/lib/ratelimit/postgres-store";
import { formStamp } from "@/lib/rules/form-clock";
import { updateSiteSettings } from "@/lib/settings/commands";
import { readSiteSettings } from "@/lib/settings/site";

import { freshDatabase } from "../helpers/db";
import { createArticle, createComment, createUser } from "../helpers/factories";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";

let db: Db;
let ctx: CommandContext;
let sink: SmtpSink;
const previousSmtp = process.env.SMTP_URL;

beforeAll(async () => {
  ({ db } = await freshDatabase());
  ctx = { db, settings: await readSiteSettings(db), limits: postgresStore(db), origin: "http://agora.test" };
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
});

afterAll(async () => {
  process.env.SMTP_URL = previousSmtp;
  await sink.stop();
});

const post = (userId: string, articleId: string, body: string, settings: Partial<CommandContext["settings"]> = {}) =>
  postComment({ ...ctx, settings: { ...ctx.settings, ...settings }, userId, articleId, body, idempotencyKey: randomUUID() });

const logFor = (targetId: string) => db.moderationLogEntry.findMany({ where: { targetId }, orderBy: { createdAt: "asc" } });

describe("rules on new comments", () => {
  it("a comment with a banned word is rejected, with the rule and the word recorded and the author told why", async () => {
    const [reader, article] = await Promise.all([createUser(db), createArticle(db)]);
    const result = await post(reader.id, article.id, "Du bist ein IDIOT.", { bannedWords: ["Idiot"] });
    expect(result).toMatchObject({ ok: false, error: "commentRejected", field: "body", values: { word: "IDIOT" } });
    const stored = await db.comment.findFirstOrThrow({ where: { authorId: reader.id } });
    expect(stored).toMatchObject({ status: "REJECTED", flags: [{ rule: "bannedWord", match: "IDIOT" }], idempotencyKey: null });
    const [entry] = await logFor(stored.id);
    expect(entry).toMatchObject({ action: "comment.auto_reject", actorId: null, reason: "bannedWord" });
    const notice = await db.notice.findFirstOrThrow({ where: { userId: reader.id } });
    expect(notice).toMatchObject({ kind: "comment.rejected", data: { rule: "bannedWord", match: "IDIOT", automated: true } });
    const mail = await sink.waitForMail(reader.email!, { subject: /nicht veröffentlicht/ });
    expect(mail.text).toContain("Verbotenes Wort");
    expect(mail.text).toContain("http://agora.test/konto/mitteilungen");
    expect(await db.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({ commentCount: 0 });
  });

  it("a suspect word holds the comment for an editor, with the reason beside it in the queue", async () => {
    const [reader, article] = await Promise.all([createUser(db), createArticle(db)]);
    const result = await post(reader.id, article.id, "Typisch Luegenpresse.", { suspectWords: ["Lügenpresse"] });
    expect(result).toMatchObject({ ok: true, comment: { status: "PENDING" } });
    const queue = await listQueue({ db, queue: "pending", articleId: article.id });
    expect(queue.items).toHaveLength(1);
    expect(queue.items[0]!.flags).toEqual([{ rule: "suspectWord", match: "Luegenpresse" }]);
    expect((await logFor(queue.items[0]!.id)).map((e) => e.action)).toEqual(["comment.auto_hold"]);
  });

  it("first-comment mode holds a reader's first comment and lets the next through once one was approved", async () => {
    const [reader, editor, article] = await Promise.all([createUser(db), createUser(db, { role: "EDITOR" }), createArticle(db)]);
    const first = await post(reader.id, article.id, "Mein erster Kommentar.", { moderationMode: "first" });
    expect(first).toMatchObject({ ok: true, comment: { status: "PENDING" } });
    const second = await post(reader.id, article.id, "Noch einer, bevor jemand schaut.", { moderationMode: "first" });
    expect(second).toMatchObject({ ok: true, comment: { status: "PENDING" } });
    if (!first.ok) return;
    expect(await decideComment({ db, actor: editor, commentId: first.comment.id, decision: "approve" })).toMatchObject({
      ok: true,
      status: "APPROVED",
    });
    const third = await post(reader.id, article.id, "Jetzt geht es sofort.", { moderationMode: "first" });
    expect(third).toMatchObject({ ok: true, comment: { status: "APPROVED" } });
    expect(await db.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({ commentCount: 2 });
  });

  it("the hidden bot field files the comment as spam, quietly", async () => {
    const [reader, article] = await Promise.all([createUser(db), createArticle(db)]);
    const result = await postComment({
      ...ctx,
      userId: reader.id,
      articleId: article.id,
      body: "Billige Uhren!",
      idempotencyKey: randomUUID(),
      honeypot: "http://uhren.example",
      formStamp: "",
    });
    expect(result).toMatchObject({ ok: true, comment: { status: "PENDING" } });
    expect(await db.comment.findFirstOrThrow({ where: { authorId: reader.id } })).toMatchObject({ status: "SPAM" });
    expect((await queueCounts({ db })).spam).toBeGreaterThan(0);
  });

  it("a comment filed as too quick is filed once, however often its form is sent (a retry later, a double click)", async () => {
    const [reader, article] = await Promise.all([createUser(db), createArticle(db)]);
    const shown = new Date();
    const send = (key: string, secondsLater: number) =>
      postComment({
        ...ctx,
        now: new Date(shown.getTime() + secondsLater * 1000),
        userId: reader.id,
        articleId: article.id,
        body: `Genau so! ${key}`,
        idempotencyKey: key,
        honeypot: "",
        formStamp: formStamp(shown),
      });
    const retried = randomUUID();
    const first = await send(retried, 1);
    // Sent again 20 s later: no longer too quick, but it is the same submission.
    const again = await send(retried, 20);
    const doubleClicked = randomUUID();
    const pair = await Promise.all([send(doubleClicked, 1), send(doubleClicked, 1)]);
    for (const result of [first, again, ...pair]) expect(result).toMatchObject({ ok: true, comment: { status: "PENDING" } });
    if (!first.ok || !again.ok || !pair[0].ok || !pair[1].ok) return;
    expect(again.comment.id).toBe(first.comment.id);
    expect(pair[1].comment.id).toBe(pair[0].comment.id);
    const stored = await db.comment.findMany({ where: { authorId: reader.id }, select: { status: true, idempotencyKey: true } });
    expect(stored).toHaveLength(2);
    expect(stored.map((comment) => comment.status)).toEqual(["SPAM", "SPAM"]);
  });
});

describe("decisions", () => {
  it("reports accumulate in the reported queue, and keeping the comment dismisses them and tells illegal-content reporters", async () => {
    const [author, a, b, c, editor, article] = await Promise.all([
      createUser(db),
      createUser(db),
      createUser(db),
      createUser(db),
      createUser(db, { role: "EDITOR" }),
      createArticle(db),
    ]);
    const comment = await createComment(db, { articleId: article.id, authorId: author.id, body: "Eine steile These." });
    await reportComment({ ...ctx, userId: a.id, commentId: comment.id, reason: "ABUSE" });
    await reportComment({ ...ctx, userId: b.id, commentId: comment.id, reason: "ILLEGAL" });
    await reportComment({ ...ctx, userId: c.id, commentId: comment.id, reason: "OTHER", details: "Falsch zitiert" });
    const reported = await listQueue({ db, queue: "reported", articleId: article.id });
    expect(reported.items[0]!.reports.map((r) => r.reason)).toEqual(["ABUSE", "ILLEGAL", "OTHER"]);

    await decideComment({ db, actor: editor, commentId: comment.id, decision: "approve" });
    expect((await listQueue({ db, queue: "reported", articleId: article.id })).total).toBe(0);
    expect(await db.report.findMany({ where: { commentId: comment.id }, select: { status: true } })).toEqual(
      Array(3).fill({ status: "DISMISSED" }),
    );
    expect(await db.notice.findMany({ where: { commentId: comment.id }, select: { userId: true, kind: true, data: true } })).toEqual([
      { userId: b.id, kind: "report.outcome", data: expect.objectContaining({ outcome: "kept" }) },
    ]);
  });

  it("rejecting needs a reason, takes the comment off the page, and each action writes exactly one audit entry", async () => {
    const [author, editor, article] = await Promise.all([createUser(db), createUser(db, { role: "EDITOR" }), createArticle(db)]);
    const comment = await createComment(db, { articleId: article.id, authorId: author.id });
    expect(await decideComment({ db, actor: editor, commentId: comment.id, decision: "reject" })).toMatchObject({
      ok: false,
      error: "reasonMissing",
    });
    expect(await decideComment({ db, actor: editor, commentId: comment.id, decision: "reject", reason: "other" })).toMatchObject({
      ok: false,
      error: "noteMissing",
    });
    expect(await logFor(comment.id)).toHaveLength(0);

    await decideComment({
      db,
      actor: editor,
      commentId: comment.id,
      decision: "reject",
      reason: "insult",
      note: "Bitte sachlich bleiben.",
    });
    expect(await db.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({ commentCount: 0 });
    await decideComment({ db, actor: editor, commentId: comment.id, decision: "approve" });
    await featureComment({ db, actor: editor, commentId: comment.id, featured: true });
    await editCommentAsModerator({ db, actor: editor, commentId: comment.id, body: "Gekürzt.", maxLength: 3000 });
    await decideComment({ db, actor: editor, commentId: comment.id, decision: "spam" });
    const entries = await logFor(comment.id);
    expect(entries.map((e) => e.action)).toEqual(["comment.reject", "comment.approve", "comment.feature", "comment.edit", "comment.spam"]);
    expect(entries[0]).toMatchObject({
      actorId: editor.id,
      reason: "insult: Bitte sachlich bleiben.",
      before: { status: "APPROVED" },
      after: { status: "REJECTED" },
    });
    expect(entries[3]).toMatchObject({ before: { body: comment.body }, after: { body: "Gekürzt." } });
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ status: "SPAM", featured: false });
    const notice = await db.notice.findFirstOrThrow({ where: { userId: author.id } });
    expect(notice).toMatchObject({
      kind: "comment.rejected",
      data: { reason: "insult", note: "Bitte sachlich bleiben.", automated: false },
    });
  });

  it("bulk decisions write one audit entry per comment", async () => {
    const [author, editor, article] = await Promise.all([createUser(db), createUser(db, { role: "EDITOR" }), createArticle(db)]);
    const comments = await Promise.all(
      [1, 2, 3].map(() => createComment(db, { articleId: article.id, authorId: author.id, status: "PENDING" })),
    );
    const result = await decideComments({ db, actor: editor, commentIds: comments.map((c) => c.id), decision: "approve" });
    expect(result).toEqual({ ok: true, done: 3, failed: 0 });
    expect(await db.moderationLogEntry.count({ where: { targetId: { in: comments.map((c) => c.id) }, action: "comment.approve" } })).toBe(
      3,
    );
  });

  it("a reader cannot moderate", async () => {
    const [reader, article] = await Promise.all([createUser(db), createArticle(db)]);
    const comment = await createComment(db, { articleId: article.id, authorId: reader.id, status: "PENDING" });
    expect(await decideComment({ db, actor: reader, commentId: comment.id, decision: "approve" })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
    expect(await restrictUser({ db, actor: reader, userId: reader.id, days: 7, reason: "spam" })).toMatchObject({
      ok: false,
      error: "forbidden",
    });
  });
});

describe("people", () => {
  it("a ban stops posting until it is lifted; the person is told why and until when", async () => {
    const [reader, editor, article] = await Promise.all([createUser(db), createUser(db, { role: "EDITOR" }), createArticle(db)]);
    const restricted = await restrictUser({
      db,
      actor: editor,
      userId: reader.id,
      days: 7,
      reason: "insult",
      note: "Wiederholt beleidigend.",
    });
    expect(restricted.ok).toBe(true);
    expect(await post(reader.id, article.id, "Darf ich noch?")).toMatchObject({ ok: false, error: "banned" });
    const notice = await db.notice.findFirstOrThrow({ where: { userId: reader.id, kind: "user.suspended" } });
    expect(notice.data).toMatchObject({ reason: "insult", note: "Wiederholt beleidigend." });
    const mail = await sink.waitForMail(reader.email!, { subject: /gesperrt/ });
    expect(mail.text).toContain("Beleidigung");

    await liftRestriction({ db, actor: editor, userId: reader.id });
    expect(await post(reader.id, article.id, "Jetzt wieder.")).toMatchObject({ ok: true });
    expect((await logFor(reader.id)).map((e) => e.action)).toEqual(["user.suspend", "user.unban"]);
  });

  it("editors cannot block editors or admins; admins can block editors", async () => {
    const [editor, otherEditor, admin] = await Promise.all([
      createUser(db, { role: "EDITOR" }),
      createUser(db, { role: "EDITOR" }),
      createUser(db, { role: "ADMIN" }),
    ]);
    expect(await restrictUser({ db, actor: editor, userId: otherEditor.id, days: 1, reason: "spam" })).toMatchObject({
      ok: false,
      error: "cannotRestrict",
    });
    expect(await restrictUser({ db, actor: editor, userId: admin.id, days: null, reason: "spam" })).toMatchObject({
      ok: false,
      error: "cannotRestrict",
    });
    expect(await restrictUser({ db, actor: admin, userId: otherEditor.id, days: 1, reason: "spam" })).toMatchObject({ ok: true });
  });

  it("always pre-moderating a person holds their comments", async () => {
    const [reader, editor, article] = await Promise.all([createUser(db), createUser(db, { role: "EDITOR" }), createArticle(db)]);
    await setAlwaysPremoderate({ db, actor: editor, userId: reader.id, on: true });
    expect(await post(reader.id, article.id, "Wartet das?")).toMatchObject({ ok: true, comment: { status: "PENDING" } });
    expect((await logFor(reader.id)).map((e) => e.action)).toEqual(["user.premoderate_on"]);
  });

  it("an appeal puts a rejected comment back into the pending queue with the author's words", async () => {
    const [author, editor, article] = await Promise.all([createUser(db), createUser(db, { role: "EDITOR" }), createArticle(db)]);
    const comment = await createComment(db, { articleId: article.id, authorId: author.id });
    await decideComment({ db, actor: editor, commentId: comment.id, decision: "reject", reason: "offTopic" });
    const notice = await db.notice.findFirstOrThrow({ where: { userId: author.id } });
    expect(await appealNotice({ db, userId: editor.id, noticeId: notice.id, text: "Nicht meins" })).toMatchObject({
      ok: false,
      error: "notFound",
    });
    expect(await appealNotice({ db, userId: author.id, noticeId: notice.id, text: "Es ging genau um den Artikel." })).toEqual({ ok: true });
    expect(await appealNotice({ db, userId: author.id, noticeId: notice.id, text: "Nochmal" })).toMatchObject({
      ok: false,
      error: "alreadyAppealed",
    });
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({
      status: "PENDING",
      flags: [{ rule: "appeal", match: "Es ging genau um den Artikel." }],
    });
  });
});

describe("the audit log", () => {
  it("cannot be changed or deleted, not even with direct SQL", async () => {
    const [editor, article] = await Promise.all([createUser(db, { role: "EDITOR" }), createArticle(db)]);
    const comment = await createComment(db, { articleId: article.id, authorId: editor.id, status: "PENDING" });
    await decideComment({ db, actor: editor, commentId: comment.id, decision: "approve" });
    const [entry] = await logFor(comment.id);
    await expect(db.moderationLogEntry.update({ where: { id: entry!.id }, data: { action: "comment.reject" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.$executeRaw`DELETE FROM "ModerationLogEntry" WHERE id = ${entry!.id}`).rejects.toThrow(/append-only/);
    expect(await logFor(comment.id)).toHaveLength(1);
  });

  it("records every setting an admin changes, before and after; editors cannot change settings", async () => {
    const [admin, editor] = await Promise.all([createUser(db, { role: "ADMIN" }), createUser(db, { role: "EDITOR" })]);
    expect(await updateSiteSettings({ db, actor: editor, input: { maxLinks: 5 } })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await updateSiteSettings({ db, actor: admin, input: { maxLinks: -1 } })).toMatchObject({
      ok: false,
      error: "settingsInvalid",
      fieldErrors: { maxLinks: "valueInvalid" },
    });
    expect(await updateSiteSettings({ db, actor: admin, input: { maxLinks: 5, bannedWords: ["idiot"], siteName: "Agora" } })).toEqual({
      ok: true,
      changed: ["maxLinks", "bannedWords"],
    });
    expect(await readSiteSettings(db)).toMatchObject({ maxLinks: 5, bannedWords: ["idiot"] });
    const entries = await db.moderationLogEntry.findMany({ where: { action: "setting.change" }, orderBy: { targetId: "asc" } });
    expect(entries.map((e) => [e.targetId, e.before, e.after])).toEqual([
      ["bannedWords", { value: [] }, { value: ["idiot"] }],
      ["maxLinks", { value: 2 }, { value: 5 }],
    ]);
  });
});
