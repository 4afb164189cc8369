import { freeSlug } from "@/lib/articles/commands";
import { sectionsChanged } from "@/lib/cache/invalidate";
import { db as appDb, type ArticleStatus, type Db } from "@/lib/db/client";
import { readSiteSettings } from "@/lib/settings/site";

import { importComments, recomputeCounts } from "./comments";
import { htmlToPlainText, wordpressHtmlToMarkdown } from "./content";
import { agoraSlug, Directory } from "./directory";
import { parseWxr, wxrDate, type WxrExport, type WxrPost, type WxrPostStatus } from "./parse";
import { emptyReport, reportSummary, type ImportReport } from "./report";

export interface ImportOptions {
  /** The app's database unless a script or a test passes its own. */
  db?: Db;
  /** The export's text, or the export already parsed (so that a caller can check the file before it opens a database). */
  xml: string | WxrExport;
  /** Stands in for a missing publication or comment date; defaults to the time of the import. */
  now?: Date;
  /** Who ran the import; when given, one audit entry records the summary. */
  actorId?: string;
}

const ARTICLE_STATUS: Record<Exclude<WxrPostStatus, "trash">, ArticleStatus> = {
  publish: "PUBLISHED",
  future: "SCHEDULED",
  draft: "DRAFT",
  pending: "DRAFT",
  private: "DRAFT",
};

interface PostContext {
  post: WxrPost;
  status: ArticleStatus;
  authorId: string;
  sectionId: string | null;
  tagIds: string[];
  keyPrefix: string;
  maxDepth: number;
  now: Date;
}

/** One post with its comments, in one transaction: created, or updated when its import key is known. */
async function importPost(db: Db, context: PostContext, directory: Directory, report: ImportReport): Promise<void> {
  const { post, status, now } = context;
  const importKey = `${context.keyPrefix}:${post.id}`;
  const title = htmlToPlainText(post.title) || `WordPress #${post.id}`;
  const fields = {
    title,
    body: wordpressHtmlToMarkdown(post.content),
    dek: htmlToPlainText(post.excerpt) || null,
    status,
    // A draft has not gone public, whatever date WordPress gave it.
    publishedAt: status === "DRAFT" ? null : (wxrDate(post.dateGmt, post.date) ?? now),
    sectionId: context.sectionId,
  };

  const outcome = await db.$transaction(
    async (tx) => {
      const existing = await tx.article.findUnique({ where: { importKey }, select: { id: true } });
      const article = existing
        ? await tx.article.update({
            where: { id: existing.id },
            data: { ...fields, tags: { set: context.tagIds.map((id) => ({ id })) } },
            select: { id: true },
          })
        : await tx.article.create({
            data: {
              ...fields,
              slug: await freeSlug(tx, agoraSlug(post.slug, title), null),
              importKey,
              authorId: context.authorId,
              tags: { connect: context.tagIds.map((id) => ({ id })) },
            },
            select: { id: true },
          });
      const comments = await importComments(tx, {
        articleId: article.id,
        keyPrefix: context.keyPrefix,
        postId: post.id,
        comments: post.comments,
        maxDepth: context.maxDepth,
        now,
        findUser: (email) => directory.findUser(email),
      });
      await recomputeCounts(tx, article.id);
      return { created: !existing, comments };
    },
    { timeout: 60_000 },
  );

  report.articles[outcome.created ? "created" : "updated"]++;
  report.comments.created += outcome.comments.created;
  report.comments.updated += outcome.comments.updated;
  report.comments.pending += outcome.comments.pending;
  report.comments.spam += outcome.comments.spam;
  report.skipped.push(...outcome.comments.skipped.map((entry) => ({ ...entry, title })));
  report.notes.push(...outcome.comments.notes.map((entry) => ({ ...entry, title })));
}

/**
 * Imports a WordPress export: posts become articles, categories sections, tags tags, authors
 * bylines and comments threaded comments. Running it again with the same (or a newer) export
 * updates what it imported before instead of duplicating it. Throws WxrFormatError when the
 * file is no WordPress export; a post that fails to import is reported as "failed" and the rest go on.
 */
export async function importWordPress({ db = appDb(), xml, ...options }: ImportOptions): Promise<ImportReport> {
  const wxr = typeof xml === "string" ? parseWxr(xml) : xml;
  const now = options.now ?? new Date();
  const report = emptyReport(wxr.skipped);
  const directory = new Directory(db, wxr, report);
  const { commentMaxDepth } = await readSiteSettings(db);
  const keyPrefix = `wp:${wxr.site.link}`;

  for (const post of wxr.posts) {
    const title = htmlToPlainText(post.title);
    if (post.status === "trash") {
      report.skipped.push({ kind: "post", id: post.id, title, reason: "trash" });
      continue;
    }
    try {
      const firstCategory = post.categories[0];
      const tagIds: string[] = [];
      // One at a time: two tags of a post may share a slug, and each must be created once.
      for (const tag of post.tags) tagIds.push(await directory.tag(tag));
      await importPost(
        db,
        {
          post,
          status: ARTICLE_STATUS[post.status],
          authorId: await directory.author(post.creator),
          sectionId: firstCategory ? await directory.section(firstCategory) : null,
          tagIds: [...new Set(tagIds)],
          keyPrefix,
          maxDepth: commentMaxDepth,
          now,
        },
        directory,
        report,
      );
    } catch (error) {
      report.skipped.push({
        kind: "post",
        id: post.id,
        title,
        reason: "failed",
        detail: error instanceof Error ? error.message : String(error),
      });
    }
  }
  // Imported articles, sections, authors and comments are public at once (each post committed on its own).
  void sectionsChanged(db);

  if (options.actorId) {
    await db.moderationLogEntry.create({
      data: {
        actorId: options.actorId,
        action: "import.wordpress",
        targetType: "site",
        targetId: "wordpress",
        after: { source: wxr.site.link, ...reportSummary(report) },
      },
    });
  }
  return report;
}
