import type { Db } from "@/lib/db/client";
import { mailOrigin, sendCourtesyMail } from "@/lib/mail/courtesy";

import type { NoticeData } from "./kinds";
import { noticeText } from "./statement";

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
    await sendCourtesyMail(notice.user.email, subject, text);
  }
}
