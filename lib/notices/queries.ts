import { db as appDb, type Db } from "@/lib/db/client";

const PAGE = 50;

/** A person's notices, newest first, with the comment and article they are about. */
export async function listNotices({ db = appDb(), userId }: { db?: Db; userId: string }) {
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

/** How many notices the person has not seen yet, for the account menu. */
export async function unreadNotices({ db = appDb(), userId }: { db?: Db; userId: string }): Promise<number> {
  return db.notice.count({ where: { userId, readAt: null } });
}
