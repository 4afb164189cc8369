import { cachedRead } from "@/lib/cache/cached";
import { CACHE_TAGS } from "@/lib/cache/tags";
import { db as appDb, type Db, type Prisma } from "@/lib/db/client";

import { before, ORDER, type CommentSort } from "./order";
import { buildThreads, type ThreadNode } from "./thread";

/** Top-level comments per "load more" page. */
export const TOP_LEVEL_PAGE = 20;
/** Replies shown per thread before "show all replies". */
export const REPLIES_SHOWN = 10;
/** Even an opened thread stops somewhere; a thread this long is its own page's worth. */
const REPLIES_MAX = 1000;

const commentSelect = {
  id: true,
  parentId: true,
  rootId: true,
  depth: true,
  body: true,
  status: true,
  featured: true,
  editedAt: true,
  createdAt: true,
  guestName: true,
  authorId: true,
  reactionCount: true,
  replyCount: true,
  author: { select: { name: true, role: true } },
  replyTo: { select: { id: true, body: true, status: true, authorId: true, guestName: true, author: { select: { name: true } } } },
} satisfies Prisma.CommentSelect;

type CommentRow = Prisma.CommentGetPayload<{ select: typeof commentSelect }>;

export type DiscussionComment = CommentRow & {
  /** This reader liked it. */
  liked: boolean;
  /** This reader reported it. */
  reported: boolean;
};

export type DiscussionThread = ThreadNode<DiscussionComment> & {
  /** Replies in this thread that are not shown yet. */
  hiddenReplies: number;
};

export interface DiscussionQuery {
  articleId: string;
  viewerId?: string | null;
  sort?: CommentSort;
  /** How many top-level comments to show; rounded up to whole pages. */
  limit?: number;
  /** How many top-level comments to skip (a window further down the discussion); whole pages. */
  offset?: number;
  /** A thread whose replies are all shown. */
  expandThread?: string | null;
  /** A comment the reader came for (a permalink): its thread is loaded and opened. */
  focusId?: string | null;
  repliesShown?: number;
}

export interface Discussion {
  threads: DiscussionThread[];
  /** Top-level comments shown. */
  shown: number;
  /** Top-level comments before the first one shown. */
  offset: number;
  hasMore: boolean;
  /** The focused comment, when it exists and this reader may see it. */
  focusId: string | null;
}

/** What a reader sees: approved comments, placeholders of deleted ones, and their own comments awaiting approval. */
function visibleTo(viewerId: string | null | undefined): Prisma.CommentWhereInput {
  const publicComments: Prisma.CommentWhereInput = {
    // Deleted, removed or re-checked comments stay as placeholders while others' answers hang from them.
    OR: [{ status: { in: ["APPROVED", "DELETED"] } }, { replyCount: { gt: 0 } }],
  };
  return viewerId ? { OR: [publicComments, { status: "PENDING", authorId: viewerId }] } : publicComments;
}

const wholePages = (count: number) => Math.max(1, Math.ceil(count / TOP_LEVEL_PAGE)) * TOP_LEVEL_PAGE;

/**
 * The discussion under an article as one reader sees it, in a fixed number of queries
 * whatever its size: a page of top-level comments, the first replies of each of their
 * threads, how many replies are left, and the reader's own likes and reports.
 */
export async function getDiscussion({ db = appDb(), ...query }: DiscussionQuery & { db?: Db }): Promise<Discussion> {
  const sort = query.sort ?? "oldest";
  const visible = visibleTo(query.viewerId);
  const repliesShown = query.repliesShown ?? REPLIES_SHOWN;
  let limit = wholePages(query.limit ?? TOP_LEVEL_PAGE);
  let offset = Math.max(0, Math.floor((query.offset ?? 0) / TOP_LEVEL_PAGE) * TOP_LEVEL_PAGE);
  const opened = new Set<string>(query.expandThread ? [query.expandThread] : []);

  let focusId: string | null = null;
  if (query.focusId) {
    const focus = await db.comment.findFirst({
      where: { id: query.focusId, articleId: query.articleId, AND: [visible] },
      select: { id: true, rootId: true },
    });
    const root =
      focus &&
      (await db.comment.findUnique({
        where: { id: focus.rootId ?? focus.id },
        select: { id: true, createdAt: true, reactionCount: true, featured: true },
      }));
    if (focus && root) {
      focusId = focus.id;
      opened.add(root.id);
      const ahead = await db.comment.count({ where: { articleId: query.articleId, parentId: null, AND: [visible, before(sort, root)] } });
      // Outside the requested window, show just the page that holds the thread (however far down it is).
      if (ahead < offset || ahead >= offset + limit) {
        offset = Math.floor(ahead / TOP_LEVEL_PAGE) * TOP_LEVEL_PAGE;
        limit = TOP_LEVEL_PAGE;
      }
    }
  }

  const topLevel = await db.comment.findMany({
    where: { articleId: query.articleId, parentId: null, AND: [visible] },
    orderBy: ORDER[sort],
    skip: offset,
    take: limit + 1,
    select: commentSelect,
  });
  const hasMore = topLevel.length > limit;
  const roots = topLevel.slice(0, limit);
  const rootIds = roots.map((root) => root.id);

  const [replies, replyTotals] = rootIds.length
    ? await Promise.all([loadReplies(db, rootIds, opened, repliesShown, query.viewerId), countReplies(db, rootIds, visible)])
    : [[], new Map<string, number>()];

  const all = [...roots, ...replies];
  const { liked, reported } = await readerMarks(
    db,
    query.viewerId,
    all.map((comment) => comment.id),
  );

  const shownPerRoot = new Map<string, number>();
  for (const reply of replies) if (reply.rootId) shownPerRoot.set(reply.rootId, (shownPerRoot.get(reply.rootId) ?? 0) + 1);

  const threads = buildThreads(all.map((comment) => ({ ...comment, liked: liked.has(comment.id), reported: reported.has(comment.id) })));
  return {
    threads: threads.map((thread) => ({
      ...thread,
      hiddenReplies: Math.max(0, (replyTotals.get(thread.id) ?? 0) - (shownPerRoot.get(thread.id) ?? 0)),
    })),
    shown: roots.length,
    offset,
    hasMore,
    focusId,
  };
}

/**
 * The discussion as a signed-out reader sees it: the same for all of them, so it is cached
 * per view until a comment of the article changes through Agora (or a minute passes, for
 * changes made elsewhere: another instance, the database directly).
 */
export const getPublicDiscussion = cachedRead(
  "discussion",
  (articleSlug: string, query: Omit<DiscussionQuery, "viewerId">) => getDiscussion({ ...query, viewerId: null }),
  { tags: (articleSlug) => [CACHE_TAGS.articles, CACHE_TAGS.article(articleSlug)], maxAgeSeconds: 60 },
);

/**
 * The discussion as a signed-in reader sees it. It differs from what signed-out readers see only
 * by the reader's own comments awaiting approval and by their likes and reports; without pending
 * comments of theirs under the article, the cached public discussion serves and only their likes
 * and reports are read (3 queries instead of 6 for a page of 80 comments).
 */
export async function getReaderDiscussion(articleSlug: string, query: DiscussionQuery & { viewerId: string }): Promise<Discussion> {
  // The app's database, as the public read uses.
  const db = appDb();
  const pending = await db.comment.findFirst({
    where: { articleId: query.articleId, authorId: query.viewerId, status: "PENDING" },
    select: { id: true },
  });
  if (pending) return getDiscussion({ ...query, db });
  const { viewerId, ...publicQuery } = query;
  const discussion = await getPublicDiscussion(articleSlug, publicQuery);
  const ids: string[] = [];
  const collect = (node: ThreadNode<DiscussionComment>) => {
    ids.push(node.id);
    node.replies.forEach(collect);
  };
  discussion.threads.forEach(collect);
  const { liked, reported } = await readerMarks(db, viewerId, ids);
  // The cached threads are shared by every request: marked copies, never the originals.
  const mark = <T extends ThreadNode<DiscussionComment>>(node: T): T => ({
    ...node,
    liked: liked.has(node.id),
    reported: reported.has(node.id),
    replies: node.replies.map(mark),
  });
  return { ...discussion, threads: discussion.threads.map(mark) };
}

/** Which of the comments `ids` the reader liked and reported. */
async function readerMarks(db: Db, viewerId: string | null | undefined, ids: string[]) {
  const [likes, reports] =
    viewerId && ids.length
      ? await Promise.all([
          db.reaction.findMany({ where: { userId: viewerId, commentId: { in: ids } }, select: { commentId: true } }),
          db.report.findMany({ where: { reporterId: viewerId, commentId: { in: ids } }, select: { commentId: true } }),
        ])
      : [[], []];
  return { liked: new Set(likes.map((like) => like.commentId)), reported: new Set(reports.map((report) => report.commentId)) };
}

/**
 * The first replies of each thread, oldest first (a prefix in time always holds each reply's
 * parent), all of them for opened threads. One query ranks replies within their thread.
 */
async function loadReplies(
  db: Db,
  rootIds: string[],
  opened: Set<string>,
  shown: number,
  viewerId: string | null | undefined,
): Promise<CommentRow[]> {
  const openedIds = rootIds.filter((id) => opened.has(id));
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM (
      SELECT c."id", c."rootId", row_number() OVER (PARTITION BY c."rootId" ORDER BY c."createdAt", c."id") AS rank
      FROM "Comment" c
      WHERE c."rootId" = ANY(${rootIds}::text[])
        AND (c."status" IN ('APPROVED', 'DELETED') OR (c."status" = 'PENDING' AND c."authorId" = ${viewerId ?? null}::text))
    ) ranked
    WHERE rank <= CASE WHEN ranked."rootId" = ANY(${openedIds}::text[]) THEN ${REPLIES_MAX}::int ELSE ${shown}::int END`;
  if (rows.length === 0) return [];
  return db.comment.findMany({
    where: { id: { in: rows.map((row) => row.id) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: commentSelect,
  });
}

async function countReplies(db: Db, rootIds: string[], visible: Prisma.CommentWhereInput): Promise<Map<string, number>> {
  const groups = await db.comment.groupBy({ by: ["rootId"], where: { rootId: { in: rootIds }, AND: [visible] }, _count: { _all: true } });
  return new Map(groups.map((group) => [group.rootId!, group._count._all]));
}
