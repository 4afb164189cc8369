import { articlesChanged } from "@/lib/cache/invalidate";
import type { ArticleStatus, Db, Prisma, Role } from "@/lib/db/client";
import { fieldErrorsOf, type FieldErrors } from "@/lib/forms/state";
import type { FormsKey } from "@/lib/i18n/keys";
import { fail, type CommandResult } from "@/lib/result";

import { articleInputSchema, type ArticleInput, type ParsedArticleInput } from "./schema";
import { MAX_SLUG_LENGTH, slugify } from "./slug";
import { isPublicArticle } from "./visibility";

type Actor = { id: string; role: Role };
type Tx = Prisma.TransactionClient;

/** Articles are the newsroom's: only admins write, publish and delete them (see README, Roles). */
const mayPublish = (actor: Actor) => actor.role === "ADMIN";

type SaveResult =
  | { ok: true; id: string; slug: string; status: ArticleStatus; updatedAt: Date }
  | { ok: false; error: FormsKey; field?: string; fieldErrors?: FieldErrors };

/**
 * Creates an article as a draft, or saves the editor's fields onto an existing one without
 * changing its status (autosave uses the same path). The slug follows the title until someone
 * sets it; once readers may have seen the article, a changed slug leaves a permanent redirect.
 * Readers' copies expire unless it is a draft (under its old slug too, when that changed).
 */
export async function saveArticle(db: Db, actor: Actor, id: string | null, input: ArticleInput): Promise<SaveResult> {
  if (!mayPublish(actor)) return fail("forbidden");
  const parsed = articleInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "checkFields", fieldErrors: fieldErrorsOf(parsed.error) };
  const data = parsed.data;
  const author = await db.user.findUnique({ where: { id: data.authorId }, select: { role: true } });
  if (!author || author.role === "READER") return { ok: false, error: "checkFields", fieldErrors: { authorId: "authorInvalid" } };
  if (data.sectionId && !(await db.section.findUnique({ where: { id: data.sectionId }, select: { id: true } }))) {
    return { ok: false, error: "checkFields", fieldErrors: { sectionId: "sectionInvalid" } };
  }

  let previousSlug: string | undefined;
  let freedRedirect = false;
  const result = await db.$transaction(async (tx): Promise<SaveResult> => {
    const current = id ? await tx.article.findUnique({ where: { id }, select: { slug: true, status: true, publishedAt: true } }) : null;
    previousSlug = current?.slug;
    if (id && !current) return fail("articleNotFound");
    const slug = data.slug ? data.slug : current ? current.slug : await freeSlug(tx, slugify(data.title), id);
    if (data.slug && data.slug !== current?.slug) {
      const holder = await tx.article.findUnique({ where: { slug }, select: { id: true } });
      if (holder && holder.id !== id) return { ok: false as const, error: "checkFields", fieldErrors: { slug: "slugTaken" } };
      // A slug that once belonged to an article may be reused; its old redirect gives way.
      freedRedirect = (await tx.articleSlugRedirect.deleteMany({ where: { slug } })).count > 0;
    }
    const tags = await upsertTags(tx, data.tags);
    const fields = articleFields(data, slug);
    const saved = current
      ? await tx.article.update({ where: { id: id! }, data: { ...fields, tags: { set: tags } }, select: savedSelect })
      : await tx.article.create({ data: { ...fields, status: "DRAFT", tags: { connect: tags } }, select: savedSelect });
    // Readers may have seen (and linked to) the article under its current slug.
    if (current && current.slug !== slug && isPublicArticle(current)) {
      await tx.articleSlugRedirect.upsert({
        where: { slug: current.slug },
        create: { slug: current.slug, articleId: saved.id },
        update: { articleId: saved.id },
      });
      await audit(tx, actor, "article.slug", saved.id, { slug: current.slug }, { slug });
    }
    return { ok: true as const, ...saved };
  });
  // A draft's save changes nothing readers see, unless its new slug was another article's old one (a redirect readers followed).
  if (result.ok && (result.status !== "DRAFT" || freedRedirect)) void articlesChanged(db, previousSlug, result.slug);
  return result;
}

const savedSelect = { id: true, slug: true, status: true, updatedAt: true } as const;

/** The article's own columns from the editor's input (tags are a relation, the slug is decided above). */
function articleFields(data: ParsedArticleInput, slug: string) {
  const {
    title,
    dek,
    body,
    sectionId,
    authorId,
    leadImageUrl,
    leadImageAlt,
    leadImageCaption,
    seoTitle,
    seoDescription,
    commentsOpen,
    premoderate,
  } = data;
  return {
    title,
    dek,
    body,
    sectionId,
    authorId,
    leadImageUrl,
    leadImageAlt,
    leadImageCaption,
    seoTitle,
    seoDescription,
    commentsOpen,
    premoderate,
    slug,
  };
}

/** The base slug, or base-2, base-3 … when another article (or an old redirect) has it. */
export async function freeSlug(tx: Tx | Db, base: string, ownId: string | null): Promise<string> {
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : `-${n}`;
    const candidate = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
    const [article, redirect] = await Promise.all([
      tx.article.findUnique({ where: { slug: candidate }, select: { id: true } }),
      tx.articleSlugRedirect.findUnique({ where: { slug: candidate }, select: { articleId: true } }),
    ]);
    if ((!article || article.id === ownId) && (!redirect || redirect.articleId === ownId)) return candidate;
  }
}

async function upsertTags(tx: Tx, names: string[]): Promise<{ id: string }[]> {
  const bySlug = new Map(names.map((name) => [slugify(name), name]));
  const tags: { id: string }[] = [];
  for (const [slug, name] of bySlug) {
    tags.push(await tx.tag.upsert({ where: { slug }, create: { slug, name }, update: {}, select: { id: true } }));
  }
  return tags;
}

function audit(
  tx: Tx,
  actor: Actor,
  action: string,
  articleId: string,
  before: Prisma.InputJsonValue | null,
  after: Prisma.InputJsonValue | null,
) {
  return tx.moderationLogEntry.create({
    data: { actorId: actor.id, action, targetType: "article", targetId: articleId, before: before ?? undefined, after: after ?? undefined },
  });
}

/**
 * Publishes now, or schedules for `at` when that lies in the future. An article that was
 * public before keeps its first publication date, as WordPress and Ghost do.
 */
export async function publishArticle(
  db: Db,
  actor: Actor,
  id: string,
  at: Date | null,
  now = new Date(),
): Promise<CommandResult<{ status: ArticleStatus; publishedAt: Date; slug: string }>> {
  if (!mayPublish(actor)) return fail("forbidden");
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
export async function unpublishArticle(db: Db, actor: Actor, id: string): Promise<CommandResult> {
  if (!mayPublish(actor)) return fail("forbidden");
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

/** Deletes an article with its comments; the audit entry keeps its title. */
export async function deleteArticle(db: Db, actor: Actor, id: string): Promise<CommandResult> {
  if (!mayPublish(actor)) return fail("forbidden");
  const article = await db.article.findUnique({ where: { id }, select: { title: true, slug: true, status: true } });
  if (!article) return fail("articleNotFound");
  await db.$transaction([
    db.article.delete({ where: { id } }),
    db.moderationLogEntry.create({
      data: { actorId: actor.id, action: "article.delete", targetType: "article", targetId: id, before: article },
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
export async function publishDueArticles(db: Db, now = new Date()): Promise<{ id: string; slug: string }[]> {
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
  const run = () => publishDueArticles(db()).catch((error) => console.error("[schedule] failed:", error));
  void run();
  scheduleTimer = setInterval(run, 20_000);
  scheduleTimer.unref();
}
