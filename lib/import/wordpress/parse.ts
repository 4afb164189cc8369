import { XMLParser, XMLValidator } from "fast-xml-parser";

/**
 * Reads a WordPress export (WXR, Tools → Export) into plain data. Pure: no database, and
 * no HTML conversion — titles, names and content are returned as the file has them.
 */

export type WxrPostStatus = "publish" | "future" | "draft" | "pending" | "private" | "trash";
export type WxrCommentApproval = "1" | "0" | "spam" | "trash";

export interface WxrAuthor {
  login: string;
  email: string | null;
  displayName: string;
}

export interface WxrTerm {
  /** The term's slug as WordPress stores it (non-ASCII slugs are percent-encoded UTF-8). */
  slug: string;
  name: string;
}

export interface WxrComment {
  id: string;
  /** "0" when the comment answers the post itself. */
  parentId: string;
  authorName: string;
  authorEmail: string | null;
  authorUrl: string | null;
  /** "YYYY-MM-DD HH:MM:SS" in UTC, or "" when WordPress has none. */
  dateGmt: string;
  /** Site-local time, the fallback when dateGmt is missing. */
  date: string;
  /** HTML, or plain text with blank lines between paragraphs. */
  content: string;
  approved: WxrCommentApproval;
  /** "comment" for readers' comments; "pingback", "trackback" or a plugin's type otherwise. */
  type: string;
}

export interface WxrPost {
  id: string;
  guid: string;
  link: string;
  title: string;
  /** wp:post_name: percent-encoded, empty for drafts that never had one. */
  slug: string;
  status: WxrPostStatus;
  /** "YYYY-MM-DD HH:MM:SS" in UTC, or "0000-00-00 00:00:00" when never set (drafts). */
  dateGmt: string;
  date: string;
  creator: string;
  content: string;
  excerpt: string;
  categories: WxrTerm[];
  tags: WxrTerm[];
  comments: WxrComment[];
}

/** An item that is not a post (page, attachment, menu item, …) or has a status we cannot import. */
export interface WxrSkippedItem {
  kind: "post" | "page" | "attachment" | "item";
  id: string;
  title: string;
  /** The item's post type ("page", "attachment", "nav_menu_item", …) or "unsupportedStatus". */
  reason: string;
}

export interface WxrExport {
  site: {
    title: string;
    /** The site's home URL without a trailing slash; it identifies the source in import keys. */
    link: string;
  };
  authors: WxrAuthor[];
  categories: WxrTerm[];
  tags: WxrTerm[];
  posts: WxrPost[];
  skipped: WxrSkippedItem[];
}

export type WxrErrorCode = "notXml" | "notWxr";

/** The input cannot be read as a WordPress export; `code` tells which way. */
export class WxrFormatError extends Error {
  constructor(
    readonly code: WxrErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WxrFormatError";
  }
}

const REPEATED = new Set([
  "rss.channel.item",
  "rss.channel.wp:author",
  "rss.channel.wp:category",
  "rss.channel.wp:tag",
  "rss.channel.item.category",
  "rss.channel.item.wp:comment",
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  // Every value stays a string: post ids and dates must not turn into numbers.
  parseTagValue: false,
  parseAttributeValue: false,
  // Titles outside CDATA carry numeric references such as &#8217;; CDATA stays verbatim.
  htmlEntities: true,
  isArray: (_name, jPath) => typeof jPath === "string" && REPEATED.has(jPath),
});

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);

/** The text of an element, whether it came as a string, with attributes, or repeated. */
function text(value: unknown): string {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (isNode(value)) return text(value["#text"]);
  return "";
}

const field = (node: Node, name: string) => text(node[name]).trim();

function list(value: unknown): Node[] {
  if (Array.isArray(value)) return value.filter(isNode);
  return isNode(value) ? [value] : [];
}

const orNull = (value: string) => (value === "" ? null : value);

const POST_STATUSES: readonly string[] = ["publish", "future", "draft", "pending", "private", "trash"] satisfies WxrPostStatus[];

function approval(value: string): WxrCommentApproval {
  if (value === "1" || value === "spam" || value === "trash") return value;
  // Comments of a trashed post are marked "post-trashed" and come back with it; treat them as trash.
  if (value === "post-trashed") return "trash";
  return "0";
}

function parseComment(node: Node): WxrComment {
  return {
    id: field(node, "wp:comment_id"),
    parentId: field(node, "wp:comment_parent") || "0",
    authorName: field(node, "wp:comment_author"),
    authorEmail: orNull(field(node, "wp:comment_author_email")),
    authorUrl: orNull(field(node, "wp:comment_author_url")),
    dateGmt: field(node, "wp:comment_date_gmt"),
    date: field(node, "wp:comment_date"),
    content: field(node, "wp:comment_content"),
    approved: approval(field(node, "wp:comment_approved")),
    // Older exports leave the type empty for ordinary comments.
    type: field(node, "wp:comment_type") || "comment",
  };
}

function itemTerms(item: Node, domain: string): WxrTerm[] {
  return list(item.category)
    .filter((term) => text(term["@_domain"]) === domain)
    .map((term) => ({ slug: text(term["@_nicename"]).trim(), name: text(term).trim() }));
}

function parsePost(item: Node, status: WxrPostStatus): WxrPost {
  return {
    id: field(item, "wp:post_id"),
    guid: field(item, "guid"),
    link: field(item, "link"),
    title: field(item, "title"),
    slug: field(item, "wp:post_name"),
    status,
    dateGmt: field(item, "wp:post_date_gmt"),
    date: field(item, "wp:post_date"),
    creator: field(item, "dc:creator"),
    content: field(item, "content:encoded"),
    excerpt: field(item, "excerpt:encoded"),
    categories: itemTerms(item, "category"),
    tags: itemTerms(item, "post_tag"),
    comments: list(item["wp:comment"]).map(parseComment),
  };
}

function skippedKind(postType: string): WxrSkippedItem["kind"] {
  if (postType === "page" || postType === "attachment") return postType;
  return "item";
}

/**
 * A WXR date ("2026-03-14 09:30:00") as a Date: the UTC one when set, else the site-local one
 * read as UTC (WordPress leaves the UTC date at "0000-00-00 00:00:00" for drafts). Null when neither is a date.
 */
export function wxrDate(gmt: string, local: string): Date | null {
  for (const value of [gmt, local]) {
    const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
    if (!match || match[1] === "0000") continue;
    const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return null;
}

/** Reads a WXR file (any version WordPress writes: 1.0 to 1.2). Throws WxrFormatError for anything else. */
export function parseWxr(xml: string): WxrExport {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new WxrFormatError("notXml", `Not a WordPress export: the file is not well-formed XML (line ${line}, column ${col}: ${msg})`);
  }
  const document: unknown = parser.parse(xml);
  const rss = isNode(document) ? document.rss : undefined;
  const channel = isNode(rss) ? rss.channel : undefined;
  if (!isNode(channel) || !("wp:wxr_version" in channel)) {
    throw new WxrFormatError("notWxr", "Not a WordPress export: expected an <rss> file with <wp:wxr_version> (WXR from Tools → Export).");
  }

  const posts: WxrPost[] = [];
  const skipped: WxrSkippedItem[] = [];
  for (const item of list(channel.item)) {
    const postType = field(item, "wp:post_type") || "post";
    const status = field(item, "wp:status");
    const id = field(item, "wp:post_id");
    const title = field(item, "title");
    if (postType !== "post") skipped.push({ kind: skippedKind(postType), id, title, reason: postType });
    else if (!POST_STATUSES.includes(status)) skipped.push({ kind: "post", id, title, reason: "unsupportedStatus" });
    else posts.push(parsePost(item, status as WxrPostStatus));
  }

  const link = field(channel, "link") || field(channel, "wp:base_blog_url") || field(channel, "wp:base_site_url");
  return {
    site: { title: field(channel, "title"), link: link.replace(/\/+$/, "") },
    authors: list(channel["wp:author"]).map((author) => ({
      login: field(author, "wp:author_login"),
      email: orNull(field(author, "wp:author_email")),
      displayName: field(author, "wp:author_display_name") || field(author, "wp:author_login"),
    })),
    categories: list(channel["wp:category"]).map((term) => ({
      slug: field(term, "wp:category_nicename"),
      name: field(term, "wp:cat_name"),
    })),
    tags: list(channel["wp:tag"]).map((term) => ({ slug: field(term, "wp:tag_slug"), name: field(term, "wp:tag_name") })),
    posts,
    skipped,
  };
}
