import { db as appDb, type CommentStatus, type Db, type Prisma } from "@/lib/db/client";

import { QUEUES, type Queue } from "./queues";

/** Which page of a list to show: the requested one, kept within the pages there are. */
function pageWindow(total: number, size: number, requested: number | undefined) {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(pages, Math.max(1, Math.floor(requested ?? 1) || 1));
  return { page, pages, skip: (page - 1) * size, take: size };
}

export { QUEUE_SLUGS, QUEUES, queueFromSlug, type Queue } from "./queues";

export const QUEUE_PAGE = 50;
/** "Approved recently": the last week's approvals. */
const RECENT_DAYS = 7;

function queueWhere(queue: Queue, now: Date): Prisma.CommentWhereInput {
  switch (queue) {
    case "pending":
      return { status: "PENDING" };
    case "reported":
      return { status: { not: "DELETED" }, reports: { some: { status: "OPEN" } } };
    case "approved":
      return {
        status: "APPROVED",
        OR: [
          { moderatedAt: { gte: new Date(now.getTime() - RECENT_DAYS * 86_400_000) } },
          { moderatedAt: null, createdAt: { gte: new Date(now.getTime() - RECENT_DAYS * 86_400_000) } },
        ],
      };
    case "rejected":
      return { status: "REJECTED" };
    case "spam":
      return { status: "SPAM" };
  }
}

/** How many comments wait in each queue, for the navigation. */
export async function queueCounts({ db = appDb(), now = new Date() }: { db?: Db; now?: Date } = {}): Promise<Record<Queue, number>> {
  const counts = await Promise.all(QUEUES.map((queue) => db.comment.count({ where: queueWhere(queue, now) })));
  return Object.fromEntries(QUEUES.map((queue, i) => [queue, counts[i]!])) as Record<Queue, number>;
}

export interface QueueQuery {
  db?: Db;
  queue: Queue;
  articleId?: string;
  /** Part of the author's name or e-mail. */
  author?: string;
  order?: "newest" | "oldest";
  page?: number;
  now?: Date;
}

const itemSelect = {
  id: true,
  body: true,
  status: true,
  flags: true,
  featured: true,
  createdAt: true,
  editedAt: true,
  parentId: true,
  article: { select: { id: true, title: true, slug: true } },
  parent: { select: { id: true, body: true, status: true, author: { select: { name: true } }, guestName: true } },
  author: { select: { id: true, name: true, email: true, createdAt: true, role: true, bannedUntil: true, alwaysPremoderate: true } },
  guestName: true,
  reports: { where: { status: "OPEN" }, orderBy: { createdAt: "asc" }, select: { reason: true, details: true, createdAt: true } },
} satisfies Prisma.CommentSelect;

export type QueueComment = Prisma.CommentGetPayload<{ select: typeof itemSelect }>;

export interface AuthorRecord {
  approved: number;
  rejected: number;
  spam: number;
  /** Earlier decisions about the person (suspensions, bans, pre-moderation). */
  actions: number;
}

/**
 * One page of a queue: each comment with its article, the comment it answers, why it is
 * there (the rules that fired, the open reports), and its author's record.
 */
export async function listQueue({ db = appDb(), ...query }: QueueQuery) {
  const now = query.now ?? new Date();
  const author = query.author?.trim();
  const where: Prisma.CommentWhereInput = {
    AND: [
      queueWhere(query.queue, now),
      query.articleId ? { articleId: query.articleId } : {},
      author
        ? { author: { OR: [{ name: { contains: author, mode: "insensitive" } }, { email: { contains: author, mode: "insensitive" } }] } }
        : {},
    ],
  };
  const direction = query.order === "oldest" ? "asc" : "desc";
  const orderBy: Prisma.CommentOrderByWithRelationInput[] =
    query.queue === "approved" || query.queue === "rejected"
      ? [{ moderatedAt: { sort: direction, nulls: "last" } }, { createdAt: direction }]
      : [{ createdAt: direction }, { id: direction }];
  const total = await db.comment.count({ where });
  const { page, pages, skip, take } = pageWindow(total, QUEUE_PAGE, query.page);
  const items = await db.comment.findMany({ where, orderBy, skip, take, select: itemSelect });
  const records = await authorRecords(db, [...new Set(items.map((item) => item.author?.id).filter((id): id is string => !!id))]);
  return { items, total, page, pages, records };
}

/** Each author's record in a fixed number of queries, however many authors a page shows. */
async function authorRecords(db: Db, authorIds: string[]): Promise<Map<string, AuthorRecord>> {
  const records = new Map<string, AuthorRecord>(authorIds.map((id) => [id, { approved: 0, rejected: 0, spam: 0, actions: 0 }]));
  if (authorIds.length === 0) return records;
  const [byStatus, actions] = await Promise.all([
    db.comment.groupBy({
      by: ["authorId", "status"],
      where: { authorId: { in: authorIds }, status: { in: ["APPROVED", "REJECTED", "SPAM"] } },
      _count: { _all: true },
    }),
    db.moderationLogEntry.groupBy({
      by: ["targetId"],
      where: { targetType: "user", targetId: { in: authorIds }, action: { in: ["user.suspend", "user.ban", "user.premoderate_on"] } },
      _count: { _all: true },
    }),
  ]);
  const key: Partial<Record<CommentStatus, keyof AuthorRecord>> = { APPROVED: "approved", REJECTED: "rejected", SPAM: "spam" };
  for (const row of byStatus) {
    const record = row.authorId ? records.get(row.authorId) : undefined;
    const field = key[row.status];
    if (record && field) record[field] = row._count._all;
  }
  for (const row of actions) {
    const record = records.get(row.targetId);
    if (record) record.actions = row._count._all;
  }
  return records;
}

/** Articles that have comments in a queue, for its filter. */
export async function queueArticles({ db = appDb(), queue, now = new Date() }: { db?: Db; queue: Queue; now?: Date }) {
  return db.article.findMany({
    where: { comments: { some: queueWhere(queue, now) } },
    orderBy: { publishedAt: { sort: "desc", nulls: "last" } },
    take: 200,
    select: { id: true, title: true },
  });
}

/** The notices that tell a person about a block (their appeals are shown beside them). */
const BLOCK_NOTICE = { in: ["user.suspended", "user.banned"] };

export const USER_FILTERS = ["all", "restricted", "premoderated", "appealed"] as const;
export type UserFilter = (typeof USER_FILTERS)[number];
const USERS_PAGE = 50;

/** People as the moderators see them: restrictions, pre-moderation, record and open appeals. */
export async function listPeople({ db = appDb(), ...query }: { db?: Db; q?: string; filter?: UserFilter; page?: number; now?: Date }) {
  const now = query.now ?? new Date();
  const q = query.q?.trim();
  const filters: Record<UserFilter, Prisma.UserWhereInput> = {
    all: {},
    restricted: { bannedUntil: { gt: now } },
    premoderated: { alwaysPremoderate: true },
    appealed: { notices: { some: { appealedAt: { not: null }, kind: BLOCK_NOTICE } }, bannedUntil: { gt: now } },
  };
  const where: Prisma.UserWhereInput = {
    AND: [
      filters[query.filter ?? "all"],
      q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] } : {},
    ],
  };
  const total = await db.user.count({ where });
  const { page, pages, skip, take } = pageWindow(total, USERS_PAGE, query.page);
  const people = await db.user.findMany({
    where,
    orderBy: [{ bannedUntil: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    skip,
    take,
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      createdAt: true,
      bannedUntil: true,
      banReason: true,
      alwaysPremoderate: true,
      notices: {
        where: { appealedAt: { not: null }, kind: BLOCK_NOTICE },
        orderBy: { appealedAt: "desc" },
        take: 1,
        select: { appeal: true, appealedAt: true },
      },
    },
  });
  const records = await authorRecords(
    db,
    people.map((p) => p.id),
  );
  return { people, total, page, pages, records };
}

export const LOG_PAGE = 50;

/** The audit trail, newest first, filtered by action, by who acted and by target. */
export async function listLog({ db = appDb(), ...query }: { db?: Db; action?: string; actor?: string; target?: string; page?: number }) {
  const actor = query.actor?.trim();
  const target = query.target?.trim();
  const where: Prisma.ModerationLogEntryWhereInput = {
    AND: [
      query.action ? { action: query.action } : {},
      actor
        ? { actor: { OR: [{ name: { contains: actor, mode: "insensitive" } }, { email: { contains: actor, mode: "insensitive" } }] } }
        : {},
      target ? { OR: [{ targetId: target }, { commentId: target }] } : {},
    ],
  };
  const total = await db.moderationLogEntry.count({ where });
  const { page, pages, skip, take } = pageWindow(total, LOG_PAGE, query.page);
  const entries = await db.moderationLogEntry.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip,
    take,
    select: {
      id: true,
      action: true,
      targetType: true,
      targetId: true,
      reason: true,
      before: true,
      after: true,
      createdAt: true,
      actor: { select: { name: true, email: true } },
    },
  });
  const actions = (
    await db.moderationLogEntry.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } })
  ).map((row) => row.action);
  return { entries, total, page, pages, actions };
}
