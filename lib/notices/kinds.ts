import type { Messages } from "next-intl";

/**
 * Notices: a statement of reasons or an outcome for one person (DSA art. 17), written by the rules
 * (an automatic rejection) and by moderation (decisions, restrictions), shown under Konto →
 * Mitteilungen and mailed. Below comments and moderation, which both write them.
 */
export const NOTICE_KINDS = ["comment.rejected", "user.suspended", "user.banned", "user.unbanned", "report.outcome"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Decisions that restrict a person, which they may contest (DSA art. 20). */
const APPEALABLE_KINDS: readonly string[] = ["comment.rejected", "user.suspended", "user.banned"] satisfies NoticeKind[];
export const isAppealable = (kind: string) => APPEALABLE_KINDS.includes(kind);

/** What a notice's text needs; every field optional, each kind uses its own. */
export interface NoticeData {
  /** The rule that decided automatically (a name in RULES, lib/rules/intake.ts; the message catalogue names them all). */
  rule?: keyof Messages["Rules"];
  /** What the rule matched, e.g. the banned word as written. */
  match?: string;
  /** An editor's reason from the list (MODERATION_REASONS, lib/moderation/policy.ts). */
  reason?: keyof Messages["ModerationReasons"];
  /** An editor's own words. */
  note?: string;
  /** ISO date a suspension ends. */
  until?: string;
  /** For a reporter: what became of the reported comment. */
  outcome?: "removed" | "kept";
  /** Whether the decision was made by a rule (automated) or a person; the DSA asks to say so. */
  automated?: boolean;
  /** A report's reason, for the reporter's notice. */
  reportReason?: string;
}
