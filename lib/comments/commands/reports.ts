import { db as appDb, type ReportReason } from "@/lib/db/client";
import { fail, type CommandResult } from "@/lib/result";

import { othersVisibleComment, type CommandContext, type OnArticle } from "./context";

export const REPORT_REASONS = ["SPAM", "ABUSE", "ILLEGAL", "OFF_TOPIC", "OTHER"] as const satisfies readonly ReportReason[];
const REPORT_DETAILS_MAX = 500;

export type ReportCommentOptions = CommandContext & { userId: string; commentId: string; reason: string; details?: string };

/**
 * Sends a comment to the editors' queue; each reader reports a comment once. Readers' pages stay
 * as they are: only the reporter sees that they reported it, on their own (uncached) page.
 */
export async function reportComment({ db = appDb(), userId, ...input }: ReportCommentOptions): Promise<CommandResult<OnArticle>> {
  if (!(await db.user.findUnique({ where: { id: userId }, select: { id: true } }))) return fail("signInRequired");
  const reason = REPORT_REASONS.find((r) => r === input.reason);
  if (!reason) return fail("reportReasonMissing", "reason");
  const details = input.details?.trim() || null;
  if (reason === "OTHER" && !details) return fail("reportDetailsMissing", "details");
  if (details && details.length > REPORT_DETAILS_MAX) return fail("reportDetailsTooLong", "details", { max: REPORT_DETAILS_MAX });
  const target = await othersVisibleComment(db, userId, input.commentId);
  if (!target.ok) return target;
  const created = await db.report.createMany({
    data: [{ commentId: input.commentId, reporterId: userId, reason, details }],
    skipDuplicates: true,
  });
  if (created.count === 0) return fail("alreadyReported");
  return { ok: true, articleSlug: target.comment.article.slug };
}
