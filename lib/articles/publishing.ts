import { may } from "@/lib/accounts/permissions";
import { articlesChanged } from "@/lib/cache/invalidate";
import { db as appDb, type ArticleStatus, type Db, type Role } from "@/lib/db/client";
import { fail, type CommandResult } from "@/lib/result";

type Actor = { id: string; role: Role };

/**
 * Publishes now, or schedules for `at` when that lies in the future. An article that was
 * public before keeps its first publication date, as WordPress and Ghost do.
 */
export async function publishArticle({
  db = appDb(),
  actor,
  id,
  at,
  now = new Date(),
}: {
  db?: Db;
  actor: Actor;
  id: string;
  /** When to publish: now (null, or a moment passed), or later (scheduled). */
  at: Date | null;
  now?: Date;
}): Promise<CommandResult<{ status: ArticleStatus; publishedAt: Date; slug: string }>> {
  if (!may(actor, "articles.publish")) return fail("forbidden");
  const article = await db.article.findUnique({
    where: { id },
    select: { status: true, publishedAt: true, body: true, title: true, slug: true },
  });
  if (!article) return fail("articleNotFound");
  if (!article.body.trim()) return fail("bodyMissing", "body");
  const schedule = at !== null && at.getTime() > now.getTime() + 30_000;
  // Taken back and published again: the first publication date stands.
  const firstPublished = article.publishedAt && article.publishedAt <= now ? article.publishedAt : null;
  if (at !== null && !schedule && at < now && !firstPublished) return fail("scheduleInPast", "publishAt");
  const status: ArticleStatus = schedule ? "SCHEDULED" : "PUBLISHED";
  const publishedAt = schedule ? at! : (firstPublished ?? now);
  await db.$transaction([
    db.article.update({ where: { id }, data: { status, publishedAt } }),
    db.moderationLogEntry.create({
      data: {
        actorId: actor.id,
        action: schedule ? "article.schedule" : "article.publish",
        targetType: "article",
        targetId: id,
        before: { status: article.status },
        after: { status, publishedAt: publishedAt.toISOString() },
      },
    }),
  ]);
  // Scheduled for later changes pages too: an article public before disappears until its time.
  void articlesChanged(db, article.slug);
  return { ok: true, status, publishedAt, slug: article.slug };
}

/** Takes an article off the site (back to draft); its comments stay for when it returns. */
export async function unpublishArticle({ db = appDb(), actor, id }: { db?: Db; actor: Actor; id: string }): Promise<CommandResult> {
  if (!may(actor, "articles.publish")) return fail("forbidden");
  const article = await db.article.findUnique({ where: { id }, select: { status: true, slug: true } });
  if (!article) return fail("articleNotFound");
  if (article.status === "DRAFT") return { ok: true };
  await db.$transaction([
    db.article.update({ where: { id }, data: { status: "DRAFT" } }),
    db.moderationLogEntry.create({
      data: {
        actorId: actor.id,
        action: "article.unpublish",
        targetType: "article",
        targetId: id,
        before: { status: article.status },
        after: { status: "DRAFT" },
      },
    }),
  ]);
  void articlesChanged(db, article.slug);
  return { ok: true };
}

/**
 * Flips scheduled articles whose time has come to published. Readers see them from their
 * time on regardless (see visibility.ts); this keeps lists, feeds and the admin list honest,
 * and expires the lists and feeds cached before their time.
 */
export async function publishDueArticles({ db = appDb(), now = new Date() }: { db?: Db; now?: Date } = {}): Promise<
  { id: string; slug: string }[]
> {
  const due = await db.article.findMany({ where: { status: "SCHEDULED", publishedAt: { lte: now } }, select: { id: true, slug: true } });
  if (due.length === 0) return [];
  await db.$transaction([
    db.article.updateMany({ where: { id: { in: due.map((a) => a.id) }, status: "SCHEDULED" }, data: { status: "PUBLISHED" } }),
    ...due.map((a) =>
      db.moderationLogEntry.create({
        data: {
          actorId: null,
          action: "article.publish",
          targetType: "article",
          targetId: a.id,
          reason: "scheduled",
          after: { status: "PUBLISHED" },
        },
      }),
    ),
  ]);
  void articlesChanged(db, ...due.map((a) => a.slug));
  return due;
}

let scheduleTimer: NodeJS.Timeout | null = null;

/** Checks every 20 seconds for scheduled articles that are due (one timer per server process). */
export function startPublishSchedule(db: () => Db) {
  if (scheduleTimer) return;
  const run = () => publishDueArticles({ db: db() }).catch((error) => console.error("[schedule] failed:", error));
  void run();
  scheduleTimer = setInterval(run, 20_000);
  scheduleTimer.unref();
}
