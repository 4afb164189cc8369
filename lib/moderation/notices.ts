import type { Db, Prisma } from "@/lib/db/client";

import type { RuleName } from "./intake";
import type { ModerationReason } from "./policy";

type Tx = Prisma.TransactionClient;

export const NOTICE_KINDS = ["comment.rejected", "user.suspended", "user.banned", "user.unbanned", "report.outcome"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Decisions that restrict a person, which they may contest (DSA art. 20). */
const APPEALABLE_KINDS: readonly string[] = ["comment.rejected", "user.suspended", "user.banned"] satisfies NoticeKind[];
export const isAppealable = (kind: string) => APPEALABLE_KINDS.includes(kind);

/** What a notice's text needs; every field optional, each kind uses its own. */
export interface NoticeData {
  /** The rule that decided automatically (see intake RULES). */
  rule?: RuleName;
  /** What the rule matched, e.g. the banned word as written. */
  match?: string;
  /** An editor's reason from the list (REJECT_REASONS / BAN_REASONS). */
  reason?: ModerationReason;
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

/** A statement of reasons or an outcome for one person, shown under Konto → Mitteilungen and mailed. */
export async function createNotice(
  tx: Tx | Db,
  notice: { userId: string; kind: NoticeKind; commentId?: string | null; data: NoticeData },
): Promise<string> {
  const data = { automated: notice.kind === "comment.rejected" && !!notice.data.rule, ...notice.data };
  const created = await tx.notice.create({
    data: {
      userId: notice.userId,
      kind: notice.kind,
      commentId: notice.commentId ?? null,
      data: JSON.parse(JSON.stringify(data)) as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  return created.id;
}

const PAGE = 50;

/** A person's notices, newest first, with the comment and article they are about. */
export async function listNotices(db: Db, userId: string) {
  return db.notice.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: PAGE,
    select: {
      id: true,
      kind: true,
      data: true,
      readAt: true,
      appeal: true,
      appealedAt: true,
      createdAt: true,
      comment: { select: { id: true, body: true, status: true, article: { select: { title: true, slug: true } } } },
    },
  });
}

export async function unreadNotices(db: Db, userId: string): Promise<number> {
  return db.notice.count({ where: { userId, readAt: null } });
}

export async function markNoticesRead(db: Db, userId: string, now = new Date()) {
  await db.notice.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
}
