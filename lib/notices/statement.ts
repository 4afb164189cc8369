import type { Messages } from "next-intl";

import { timeZone } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/translator";

import { isAppealable, type NoticeData } from "./kinds";

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
