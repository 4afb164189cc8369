import { may } from "@/lib/accounts/permissions";
import { articlesChanged } from "@/lib/cache/invalidate";
import { db as appDb, type ArticleStatus, type Db, type Prisma, type Role } from "@/lib/db/client";
import { fieldErrorsOf, type FieldErrors } from "@/lib/forms/state";
import type { FormsKey } from "@/lib/i18n/keys";
import { fail, type CommandResult } from "@/lib/result";

import { articleInputSchema, type ArticleInput, type ParsedArticleInput } from "./schema";
import { MAX_SLUG_LENGTH, slugify } from "./slug";
import { isPublicArticle } from "./visibility";

type Actor = { id: string; role: Role };
type Tx = Prisma.TransactionClient;

/** Articles are the newsroom's: only those who may publish write and delete them (see README, Roles), and publish them (publishing.ts). */
const mayPublish = (actor: Actor) => may(actor, "articles.publish");

type SaveResult =
  | { ok: true; id: string; slug: string; status: ArticleStatus; updatedAt: Date }
  | { ok: false; error: FormsKey; field?: string; fieldErrors?: FieldErrors };

/**
 * Creates an article as a draft, or saves the editor's fields onto an existing one without
 * changing its status (autosave uses the same path). The slug follows the title until someone
 * sets it; once readers may have seen the article, a changed slug leaves a permanent redirect.
 * Readers' copies expire unless it is a draft (under its old slug too, when that changed).
 */
export async function saveArticle({
  db = appDb(),
  actor,
  id,
  input,
}: {
  db?: Db;
  actor: Actor;
  /** The article to save onto, or null for a new draft. */
  id: string | null;
  input: ArticleInput;
}): Promise<SaveResult> {
  if (!mayPublish(actor)) return fail("forbidden");
  const parsed = articleInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "checkFields", fieldErrors: fieldErrorsOf(parsed.error) };
  const data = parsed.data;
  const author = await db.user.findUnique({ where: { id: data.authorId }, select: { role: true } });
  if (!author || !may(author, "articles.byline")) return { ok: false, error: "checkFields", fieldErrors: { authorId: "authorInvalid" } };
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

/** The article's own columns from the editor's input: tags are a relation, and the slug is decided above. */
function articleFields(data: ParsedArticleInput, slug: string) {
  const { tags, slug: typedSlug, ...columns } = data;
  return { ...columns, slug };
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

/** Deletes an article with its comments; the audit entry keeps its title. */
export async function deleteArticle({ db = appDb(), actor, id }: { db?: Db; actor: Actor; id: string }): Promise<CommandResult> {
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
