import type { Messages } from "next-intl";

import { commentPermalink } from "@/lib/comments/paths";
import type { Db } from "@/lib/db/client";
import { configuredOrigin } from "@/lib/http/request";
import { timeZone } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";
import { sendMail } from "@/lib/mail/transport";

import { isAppealable, type NoticeData } from "./notices";
import { unsubscribeLink } from "./unsubscribe";

/** Links in mails sent outside a request (moderation decisions, digests) need the public address. */
export function mailOrigin(origin?: string): string {
  return origin ?? configuredOrigin() ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

// Mail is a courtesy next to the in-app notice: a failed delivery is logged, the decision stands.
async function deliver(to: string, subject: string, text: string, headers?: Record<string, string>) {
  try {
    await sendMail({ to, subject, text, headers });
  } catch (error) {
    console.error(`[mail] ${subject} → ${to} failed:`, error);
  }
}

type NoticeView = { kind: string; data: NoticeData; articleTitle?: string | null };

/**
 * The statement of reasons in a person's language: its subject, and what was decided, on which
 * grounds and by whom. The account page shows these lines; the mail wraps them.
 */
export function noticeStatement(locale: string, notice: NoticeView): { subject: string; lines: string[] } {
  const { locale: lang, t } = translatorFor(locale);
  // A notice kind ("comment.rejected") names its messages with an underscore.
  const key = notice.kind.replace(".", "_") as keyof Messages["Notices"]["body"];
  const data = notice.data;
  const until = data.until
    ? new Intl.DateTimeFormat(lang, { dateStyle: "long", timeStyle: "short", timeZone }).format(new Date(data.until))
    : "";
  const values = { article: notice.articleTitle ?? "", until };
  const lines = [t(`Notices.body.${key}`, values)];
  if (notice.kind === "report.outcome") lines.push(t(`Notices.outcome.${data.outcome === "removed" ? "removed" : "kept"}`));
  if (data.rule) lines.push(t("Notices.groundsRule", { rule: t(`Rules.${data.rule}`), match: data.match ?? "" }));
  if (data.reason) lines.push(t("Notices.groundsReason", { reason: t(`ModerationReasons.${data.reason}`) }));
  if (data.note) lines.push(t("Notices.note", { note: data.note }));
  if (notice.kind !== "user.unbanned") lines.push(t(data.automated ? "Notices.automated" : "Notices.human"));
  return { subject: t(`Notices.subject.${key}`, values), lines };
}

/** The statement of reasons as a plain-text mail, ending with how to appeal (at `link`). */
export function noticeText(locale: string, notice: NoticeView, link: string, name = ""): { subject: string; text: string } {
  const { t } = translatorFor(locale);
  const { subject, lines } = noticeStatement(locale, notice);
  const appeal = t(isAppealable(notice.kind) ? "Notices.appealHow" : "Notices.seeAccount", { link });
  return {
    subject,
    text: [t("Mail.greeting", { name }).replace(" ,", ","), "", subject, "", ...lines, "", appeal, "", t("Mail.signature")].join("\n"),
  };
}

/** Mails notices that were just written (after their transaction committed). */
export async function deliverNotices(db: Db, ids: Array<string | null | undefined>, origin?: string) {
  for (const id of ids) {
    if (!id) continue;
    const notice = await db.notice.findUnique({
      where: { id },
      select: {
        kind: true,
        data: true,
        user: { select: { email: true, locale: true, name: true } },
        comment: { select: { article: { select: { title: true } } } },
      },
    });
    if (!notice?.user.email) continue;
    const { subject, text } = noticeText(
      notice.user.locale,
      { kind: notice.kind, data: notice.data as NoticeData, articleTitle: notice.comment?.article.title },
      `${mailOrigin(origin)}/konto/mitteilungen`,
      notice.user.name ?? "",
    );
    await deliver(notice.user.email, subject, text);
  }
}

/** Tells a comment's author that someone answered, when they asked for it. */
export async function notifyReply(db: Db, replyId: string, origin?: string) {
  const reply = await db.comment.findUnique({
    where: { id: replyId },
    select: {
      id: true,
      body: true,
      authorId: true,
      status: true,
      author: { select: { name: true } },
      article: { select: { slug: true, title: true } },
      parent: {
        select: {
          authorId: true,
          author: { select: { id: true, email: true, locale: true, notifyReplies: true, emailVerified: true, name: true } },
        },
      },
    },
  });
  const recipient = reply?.parent?.author;
  if (
    !reply ||
    reply.status !== "APPROVED" ||
    !recipient?.notifyReplies ||
    !recipient.email ||
    !recipient.emailVerified ||
    recipient.id === reply.authorId
  )
    return;
  const base = mailOrigin(origin);
  const { t } = translatorFor(recipient.locale);
  const unsubscribe = unsubscribeLink(base, recipient.id, "replies");
  const excerpt = reply.body.length > 300 ? `${reply.body.slice(0, 297)}…` : reply.body;
  const text = [
    t("Mail.greeting", { name: recipient.name ?? recipient.email }),
    "",
    t("Notifications.replyBody", { name: reply.author?.name ?? "", article: reply.article.title }),
    "",
    excerpt,
    "",
    `${base}${commentPermalink(reply.article.slug, reply.id)}`,
    "",
    t("Notifications.unsubscribe", { link: unsubscribe }),
    "",
    t("Mail.signature"),
  ].join("\n");
  await deliver(recipient.email, t("Notifications.replySubject", { article: reply.article.title }), text, {
    "List-Unsubscribe": `<${unsubscribe}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  });
}

/** The editors' digest: how many comments wait, the oldest few, and where to work through them. */
export async function sendPendingDigest(db: Db, origin?: string): Promise<number> {
  const [pending, reported, editors] = await Promise.all([
    db.comment.count({ where: { status: "PENDING" } }),
    db.report.count({ where: { status: "OPEN" } }),
    db.user.findMany({
      where: { notifyDigest: true, role: { in: ["EDITOR", "ADMIN"] }, email: { not: null } },
      select: { id: true, email: true, name: true, locale: true },
    }),
  ]);
  if (pending + reported === 0) return 0;
  const oldest = await db.comment.findMany({
    where: { status: "PENDING" },
    orderBy: { createdAt: "asc" },
    take: 5,
    select: { body: true, author: { select: { name: true } }, article: { select: { title: true } } },
  });
  const base = mailOrigin(origin);
  for (const editor of editors) {
    const { t } = translatorFor(editor.locale);
    const unsubscribe = unsubscribeLink(base, editor.id, "digest");
    const text = [
      t("Mail.greeting", { name: editor.name ?? editor.email ?? "" }),
      "",
      t("Notifications.digestBody", { pending, reported }),
      "",
      ...oldest.map((c) => `– ${c.author?.name ?? "?"} (${c.article.title}): ${c.body.replace(/\s+/g, " ").slice(0, 100)}`),
      "",
      `${base}/moderation`,
      "",
      t("Notifications.unsubscribe", { link: unsubscribe }),
      "",
      t("Mail.signature"),
    ].join("\n");
    await deliver(editor.email!, t("Notifications.digestSubject", { pending }), text, { "List-Unsubscribe": `<${unsubscribe}>` });
  }
  return editors.length;
}
