import { db as appDb, type Prisma } from "@/lib/db/client";
import { isAppealable } from "@/lib/notices/kinds";
import { fail, type CommandResult } from "@/lib/result";

import type { ModerationContext } from "./context";

const APPEAL_MAX = 2000;

export type AppealNoticeOptions = ModerationContext & { userId: string; noticeId: string; text: string };

/**
 * A person contests a decision about them (DSA art. 20): a rejected comment goes back to the
 * pending queue with their words beside it; a suspension's appeal is listed for the editors.
 * One appeal per notice.
 */
export async function appealNotice({ db = appDb(), now = new Date(), userId, ...input }: AppealNoticeOptions): Promise<CommandResult> {
  const text = input.text.trim();
  if (!text) return fail("appealEmpty", "text");
  if (text.length > APPEAL_MAX) return fail("appealTooLong", "text", { max: APPEAL_MAX });
  const notice = await db.notice.findUnique({
    where: { id: input.noticeId },
    select: { id: true, userId: true, kind: true, commentId: true, appealedAt: true },
  });
  if (!notice || notice.userId !== userId) return fail("notFound");
  if (notice.appealedAt) return fail("alreadyAppealed");
  if (!isAppealable(notice.kind)) return fail("notAppealable");
  await db.$transaction(async (tx) => {
    await tx.notice.update({ where: { id: notice.id }, data: { appeal: text, appealedAt: now } });
    if (notice.kind === "comment.rejected" && notice.commentId) {
      const comment = await tx.comment.findUnique({ where: { id: notice.commentId }, select: { status: true, flags: true } });
      if (comment?.status === "REJECTED") {
        const flags = [{ rule: "appeal", match: text }, ...(Array.isArray(comment.flags) ? comment.flags : [])];
        await tx.comment.update({ where: { id: notice.commentId }, data: { status: "PENDING", flags: flags as Prisma.InputJsonValue } });
      }
    }
    await tx.moderationLogEntry.create({
      data: {
        actorId: userId,
        action: notice.kind === "comment.rejected" ? "comment.appeal" : "user.appeal",
        targetType: notice.kind === "comment.rejected" ? "comment" : "user",
        targetId: notice.kind === "comment.rejected" ? (notice.commentId ?? notice.id) : userId,
        commentId: notice.commentId,
        reason: text,
        createdAt: now,
      },
    });
  });
  return { ok: true };
}
