import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Db } from "@/lib/db/client";
import { deleteGuestData, inspectGuestDataLink, redeemGuestExport } from "@/lib/guests/data";
import { requestGuestData } from "@/lib/guests/data-request";
import { issueGuestToken } from "@/lib/guests/tokens";

import { freshDatabase } from "../helpers/db";
import { createArticle, createComment, createGuest, createUser } from "../helpers/factories";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";

const ORIGIN = "https://agora.example";
const tokenFrom = (text: string) => text.match(/https?:\/\/\S+\/gast\/daten\?token=([\w-]+)/)![1]!;

let db: Db;
let sink: SmtpSink;
const previousSmtp = process.env.SMTP_URL;

beforeAll(async () => {
  ({ db } = await freshDatabase());
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
});
afterAll(async () => {
  process.env.SMTP_URL = previousSmtp;
  await sink.stop();
});

/** A guest with an approved comment, a held one, and a discussion they follow. */
async function guestWithComments() {
  const guest = await createGuest(db, { name: "Gerda Gast" });
  const article = await createArticle(db, { title: "Der Stadtrat tagt" });
  const approved = await createComment(db, {
    articleId: article.id,
    authorId: null,
    guestId: guest.id,
    guestName: "Gerda",
    body: "Gut so.",
  });
  const held = await createComment(db, { articleId: article.id, authorId: null, guestId: guest.id, guestName: "Gerda", status: "PENDING" });
  await db.subscription.create({ data: { articleId: article.id, guestId: guest.id, confirmedAt: new Date() } });
  return { guest, article, approved, held };
}

describe("asking for one's guest data by mail", () => {
  it("a known address gets a link to download its data, in its language, and the download holds its comments and follows", async () => {
    const { guest, article, approved } = await guestWithComments();
    expect(await requestGuestData({ db, email: ` ${guest.email.toUpperCase()} `, intent: "export", origin: ORIGIN })).toBe(true);
    const mail = await sink.waitForMail(guest.email, { subject: /herunterladen/ });
    expect(mail.text).toContain(`${ORIGIN}/gast/daten?token=`);
    const token = tokenFrom(mail.text);
    expect(await inspectGuestDataLink({ db, token })).toMatchObject({ ok: true, purpose: "EXPORT_DATA", email: guest.email });

    const download = await redeemGuestExport({ db, token, origin: ORIGIN });
    expect(download.ok).toBe(true);
    if (!download.ok) return;
    expect(download.data.guest).toMatchObject({ email: guest.email, name: "Gerda Gast" });
    expect(download.data.comments).toHaveLength(2);
    expect(download.data.comments[0]).toMatchObject({
      body: "Gut so.",
      status: "APPROVED",
      name: "Gerda",
      link: `${ORIGIN}/artikel/${article.slug}?kommentar=${approved.id}#comment-${approved.id}`,
      article: { title: "Der Stadtrat tagt", link: `${ORIGIN}/artikel/${article.slug}` },
    });
    expect(download.data.comments[1]).toMatchObject({ status: "PENDING", link: null });
    expect(download.data.subscriptions).toEqual([
      expect.objectContaining({ article: expect.objectContaining({ title: "Der Stadtrat tagt" }) }),
    ]);
  });

  it("an unknown address gets no mail and no link is made (the form answers the same either way)", async () => {
    const before = await db.guestToken.count();
    expect(await requestGuestData({ db, email: "niemand@example.org", intent: "delete", origin: ORIGIN })).toBe(false);
    expect(await db.guestToken.count()).toBe(before);
    expect(sink.messages.some((m) => m.to.includes("niemand@example.org"))).toBe(false);
  });

  it("an export link works once, and not after a day", async () => {
    const { guest } = await guestWithComments();
    const token = await issueGuestToken({ db, guestId: guest.id, purpose: "EXPORT_DATA" });
    expect((await redeemGuestExport({ db, token, origin: ORIGIN })).ok).toBe(true);
    expect(await redeemGuestExport({ db, token, origin: ORIGIN })).toMatchObject({ ok: false, error: "used" });
    expect(await inspectGuestDataLink({ db, token })).toEqual({ ok: false, reason: "used" });

    const stale = await issueGuestToken({ db, guestId: guest.id, purpose: "EXPORT_DATA", now: new Date(Date.now() - 25 * 3_600_000) });
    expect(await inspectGuestDataLink({ db, token: stale })).toEqual({ ok: false, reason: "expired" });
    expect(await redeemGuestExport({ db, token: stale, origin: ORIGIN })).toMatchObject({ ok: false, error: "expired" });
  });

  it("a deletion link downloads nothing, and a made-up link is invalid", async () => {
    const { guest } = await guestWithComments();
    const token = await issueGuestToken({ db, guestId: guest.id, purpose: "DELETE_DATA" });
    expect(await inspectGuestDataLink({ db, token })).toMatchObject({ ok: true, purpose: "DELETE_DATA" });
    expect(await redeemGuestExport({ db, token, origin: ORIGIN })).toMatchObject({ ok: false, error: "invalid" });
    expect(await inspectGuestDataLink({ db, token: "x".repeat(43) })).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("deleting one's guest data through the mailed link", () => {
  it("anonymize: the published comment stays as a placeholder without name or words, the rest and the address go", async () => {
    const { guest, article, approved, held } = await guestWithComments();
    const token = await issueGuestToken({ db, guestId: guest.id, purpose: "DELETE_DATA" });
    expect(await deleteGuestData({ db, token, policy: "anonymize" })).toEqual({ ok: true });

    expect(await db.comment.findUnique({ where: { id: approved.id } })).toMatchObject({
      status: "DELETED",
      body: "",
      guestId: null,
      guestName: null,
    });
    expect(await db.comment.findUnique({ where: { id: held.id } })).toBeNull();
    expect(await db.guest.findUnique({ where: { id: guest.id } })).toBeNull();
    expect(await db.subscription.count({ where: { articleId: article.id } })).toBe(0);
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).commentCount).toBe(0);
  });

  it("remove: the comments go, except one others answered, whose answer keeps its place", async () => {
    const { guest, article, approved } = await guestWithComments();
    const other = await createComment(db, { articleId: article.id, authorId: null, guestName: "Lone" });
    const reader = await createUser(db);
    const answered = await createComment(db, { articleId: article.id, authorId: null, guestId: guest.id, guestName: "Gerda" });
    const reply = await createComment(db, { articleId: article.id, authorId: reader.id, parentId: answered.id, body: "Stimmt nicht." });
    const token = await issueGuestToken({ db, guestId: guest.id, purpose: "DELETE_DATA" });
    expect(await deleteGuestData({ db, token, policy: "remove" })).toEqual({ ok: true });

    expect(await db.comment.findUnique({ where: { id: approved.id } })).toBeNull();
    expect(await db.comment.findUnique({ where: { id: answered.id } })).toMatchObject({ status: "DELETED", body: "", guestName: null });
    expect(await db.comment.findUnique({ where: { id: reply.id } })).toMatchObject({ parentId: answered.id, body: "Stimmt nicht." });
    expect(await db.comment.findUnique({ where: { id: other.id } })).not.toBeNull();
    // The other guest's comment and the reader's reply count; the placeholder does not.
    expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).commentCount).toBe(2);
  });

  it("a deletion link works once and not after a day; an export link deletes nothing", async () => {
    const { guest } = await guestWithComments();
    const exportLink = await issueGuestToken({ db, guestId: guest.id, purpose: "EXPORT_DATA" });
    expect(await deleteGuestData({ db, token: exportLink, policy: "anonymize" })).toMatchObject({ ok: false, error: "invalid" });
    const stale = await issueGuestToken({ db, guestId: guest.id, purpose: "DELETE_DATA", now: new Date(Date.now() - 25 * 3_600_000) });
    expect(await deleteGuestData({ db, token: stale, policy: "anonymize" })).toMatchObject({ ok: false, error: "expired" });
    expect(await db.guest.count({ where: { id: guest.id } })).toBe(1);

    const token = await issueGuestToken({ db, guestId: guest.id, purpose: "DELETE_DATA" });
    await db.guestToken.updateMany({ where: { guestId: guest.id, purpose: "DELETE_DATA" }, data: { usedAt: new Date() } });
    expect(await deleteGuestData({ db, token, policy: "anonymize" })).toMatchObject({ ok: false, error: "used" });
    expect(await db.comment.count({ where: { guestId: guest.id } })).toBe(2);
  });
});
