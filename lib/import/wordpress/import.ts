import { freeSlug } from "@/lib/articles/commands";
import { sectionsChanged } from "@/lib/cache/invalidate";
import type { ArticleStatus, Db } from "@/lib/db/client";
import { readSiteSettings } from "@/lib/settings/site";

import { importComments, recomputeCounts } from "./comments";
import { htmlToPlainText, wordpressHtmlToMarkdown } from "./content";
import { agoraSlug, Directory } from "./directory";
import { parseWxr, wxrDate, type WxrExport, type WxrPost, type WxrPostStatus } from "./parse";

export interface ImportOptions {
  /** Stands in for a missing publication or comment date; defaults to the time of the import. */
  now?: Date;
  /** Who ran the import; when given, one audit entry records the summary. */
  actorId?: string;
}

/** Something the import left out (skipped) or did differently than the file says (notes). */
export interface ImportEntry {
  kind: "post" | "page" | "attachment" | "item" | "comment";
  /** The WordPress id of the post, page, attachment or comment. */
  id: string;
  title?: string;
  /** For comments: the WordPress id of their post. */
  postId?: string;
  /**
   * A stable code: the post type ("page", "attachment", "nav_menu_item", …), "trash",
   * "unsupportedStatus", "pingback", "trackback", "unsupportedType", "parentMissing", "failed".
   */
  reason: string;
  /** The error message, for "failed". */
  detail?: string;
}

export interface ImportReport {
  articles: { created: number; updated: number };
  /** pending and spam count the imported comments (created or updated) with that status. */
  comments: { created: number; updated: number; pending: number; spam: number };
  /** Sections and tags the imported posts use: found by slug, or created. */
  sections: { created: number; matched: number };
  tags: { created: number; matched: number };
  authors: { matched: number; created: number };
  skipped: ImportEntry[];
  /** Imported, but not quite as in WordPress: "parentMissing" comments hang at the top level. */
  notes: ImportEntry[];
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

/** The counts of a report without the lists, for the audit trail. */
export function reportSummary(report: ImportReport) {
  const { skipped, notes, ...counts } = report;
  return { ...counts, skipped: skipped.length, notes: notes.length };
}

/**
 * Imports a WordPress export: posts become articles, categories sections, tags tags, authors
 * bylines and comments threaded comments. Running it again with the same (or a newer) export
 * updates what it imported before instead of duplicating it. Throws WxrFormatError when the
 * file is no WordPress export; a post that fails to import is reported as "failed" and the rest go on.
 */
export async function importWordPress(db: Db, xml: string | WxrExport, options: ImportOptions = {}): Promise<ImportReport> {
  // An already parsed export is accepted too, so that a caller can check the file before it opens a database.
  const wxr = typeof xml === "string" ? parseWxr(xml) : xml;
  const now = options.now ?? new Date();
  const report: ImportReport = {
    articles: { created: 0, updated: 0 },
    comments: { created: 0, updated: 0, pending: 0, spam: 0 },
    sections: { created: 0, matched: 0 },
    tags: { created: 0, matched: 0 },
    authors: { matched: 0, created: 0 },
    skipped: wxr.skipped.map((item) => ({ ...item })),
    notes: [],
  };
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
