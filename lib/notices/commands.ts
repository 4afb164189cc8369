import { db as appDb, type Db, type Prisma } from "@/lib/db/client";

import type { NoticeData, NoticeKind } from "./kinds";

type Tx = Prisma.TransactionClient;

/** A statement of reasons or an outcome for one person, written in the transaction of the decision it explains. */
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

/** The person has seen their notices (their notices page was opened). */
export async function markNoticesRead({ db = appDb(), userId, now = new Date() }: { db?: Db; userId: string; now?: Date }) {
  await db.notice.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
}
