import type { WxrSkippedItem } from "./parse";

/**
 * What an import tells its caller: the counts, and every item it left out or changed. The import,
 * its comments and its directory all fill it in, so it sits below all three.
 */

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

/** A report before the first post, listing the items the parser already left out. */
export function emptyReport(skipped: readonly WxrSkippedItem[]): ImportReport {
  return {
    articles: { created: 0, updated: 0 },
    comments: { created: 0, updated: 0, pending: 0, spam: 0 },
    sections: { created: 0, matched: 0 },
    tags: { created: 0, matched: 0 },
    authors: { matched: 0, created: 0 },
    skipped: skipped.map((item) => ({ ...item })),
    notes: [],
  };
}

/** The counts of a report without the lists, for the audit trail. */
export function reportSummary(report: ImportReport) {
  const { skipped, notes, ...counts } = report;
  return { ...counts, skipped: skipped.length, notes: notes.length };
}
