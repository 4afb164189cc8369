import { unsubscribeLink } from "@/lib/accounts/unsubscribe";
import type { Db } from "@/lib/db/client";
import { translatorFor } from "@/lib/i18n/translator";
import { mailOrigin, sendCourtesyMail } from "@/lib/mail/courtesy";
import { shorten } from "@/lib/text/shorten";

import { commentPermalink } from "./paths";

/**
 * Everyone who asked to hear of a comment once readers can see it: called once per comment, after the
 * write that made it public committed (posted visible, approved by an editor, confirmed by its guest writer).
 */
export async function commentPublished(db: Db, commentId: string, origin?: string) {
  await notifyReply(db, commentId, origin);
}

/** Tells a comment's author that someone answered, when they asked for it. */
async function notifyReply(db: Db, replyId: string, origin?: string) {
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
  const text = [
    t("Mail.greeting", { name: recipient.name ?? recipient.email }),
    "",
    t("Notifications.replyBody", { name: reply.author?.name ?? "", article: reply.article.title }),
    "",
    shorten(reply.body, 300),
    "",
    `${base}${commentPermalink(reply.article.slug, reply.id)}`,
    "",
    t("Notifications.unsubscribe", { link: unsubscribe }),
    "",
    t("Mail.signature"),
  ].join("\n");
  await sendCourtesyMail(recipient.email, t("Notifications.replySubject", { article: reply.article.title }), text, {
    "List-Unsubscribe": `<${unsubscribe}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  });
}
