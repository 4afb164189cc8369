import sanitizeHtml from "sanitize-html";
import TurndownService from "turndown";

/**
 * WordPress HTML (classic editor, Gutenberg blocks, comments) to the Markdown Agora stores.
 * The site sanitises what it renders; this only has to keep the writing and drop the rest.
 */

const DROPPED_ELEMENTS = ["script", "style", "iframe", "noscript", "object", "embed"] as const;

// Elements that start a block of their own; wpautop does not wrap them in paragraphs.
const BLOCK_START =
  /^<\/?(?:p|div|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|figure|figcaption|table|thead|tbody|tfoot|tr|td|th|pre|hr|address|section|article|aside|header|footer|nav|form|fieldset|details|summary|hgroup|menu|center)\b/i;

// Media shortcodes without Markdown equivalent; self-closing ones are dropped entirely.
const MEDIA_SHORTCODES = ["gallery", "playlist", "audio", "video", "embed"];

const turndown = new TurndownService({
  headingStyle: "atx",
  bulletListMarker: "-",
  codeBlockStyle: "fenced",
  emDelimiter: "*",
  strongDelimiter: "**",
  hr: "---",
});
turndown.remove([...DROPPED_ELEMENTS]);
// Tables have no Markdown in CommonMark; the article renderer accepts (and sanitises) them as HTML.
turndown.keep(["table"]);
turndown.addRule("strikethrough", {
  filter: (node) => ["DEL", "S", "STRIKE"].includes(node.nodeName),
  replacement: (content) => (content.trim() ? `~~${content}~~` : ""),
});
// WordPress's "preformatted" block is a bare <pre>; turndown fences only <pre><code>.
turndown.addRule("preformatted", {
  filter: (node) => node.nodeName === "PRE" && node.firstChild?.nodeName !== "CODE",
  replacement: (_content, node) => {
    const code = (node.textContent ?? "").replace(/\n$/, "");
    const fence = "`".repeat(Math.max(3, ...Array.from(code.matchAll(/`+/g), (run) => run[0].length + 1)));
    return `\n\n${fence}\n${code}\n${fence}\n\n`;
  },
});
// A caption in emphasis; "_" because emphasis inside it is written with "*".
turndown.addRule("figcaption", {
  filter: "figcaption",
  replacement: (content) => (content.trim() ? `\n\n_${content.trim()}_\n\n` : ""),
});

/** [caption]<img> Text[/caption] (and the older caption="…" attribute) as a figure with its caption. */
function captions(html: string): string {
  return html.replace(/\[(?:wp_)?caption\b([^\]]*)\]([\s\S]*?)\[\/(?:wp_)?caption\]/gi, (_match, attributes: string, inner: string) => {
    const image = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner);
    const attributeCaption = /\bcaption="([^"]*)"/i.exec(attributes)?.[1] ?? "";
    if (!image) return inner;
    // The attribute holds HTML source like the content, so it goes in as it stands.
    const caption = (image[2] ?? "").trim() || attributeCaption;
    return `<figure>${image[1]}${caption ? `<figcaption>${caption}</figcaption>` : ""}</figure>`;
  });
}

/** Other shortcodes: an enclosing one keeps its content, a self-closing media one goes. */
function shortcodes(html: string): string {
  const closed = new Set(Array.from(html.matchAll(/\[\/([a-z][\w-]*)\]/gi), (match) => (match[1] ?? "").toLowerCase()));
  return html.replace(/\[\/([a-z][\w-]*)\]/gi, "").replace(/\[([a-z][\w-]*)\b[^\]]*\]/gi, (match, name: string) => {
    const lower = name.toLowerCase();
    return closed.has(lower) || MEDIA_SHORTCODES.includes(lower) ? "" : match;
  });
}

/**
 * WordPress stores classic posts and comments without <p>: blank lines separate paragraphs
 * and single line breaks are <br>. This does what its wpautop() does when it renders them.
 */
function autoParagraphs(html: string): string {
  const preformatted: string[] = [];
  const protectedHtml = html.replace(/<pre\b[\s\S]*?<\/pre>/gi, (block) => `<pre data-wxr="${preformatted.push(block) - 1}"></pre>`);
  const paragraphs = protectedHtml
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK_START.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, "<br>\n")}</p>`));
  return paragraphs.join("\n\n").replace(/<pre data-wxr="(\d+)"><\/pre>/g, (_match, index: string) => preformatted[Number(index)] ?? "");
}

/** Gutenberg block delimiters, <!--more--> and every other HTML comment, and dropped elements with their content. */
function stripNoise(html: string): string {
  const dropped = DROPPED_ELEMENTS.join("|");
  return html
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(new RegExp(`<(${dropped})\\b[\\s\\S]*?<\\/\\1\\s*>`, "gi"), "")
    .replace(new RegExp(`<(?:${dropped})\\b[^>]*\\/?>`, "gi"), "");
}

/** An article body or comment from WordPress as Markdown. */
export function wordpressHtmlToMarkdown(html: string): string {
  const prepared = autoParagraphs(shortcodes(captions(stripNoise(html))));
  return turndown
    .turndown(prepared)
    .replace(/[ \t]+$/gm, (spaces) => (spaces.length >= 2 ? "  " : ""))
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Text without markup, for titles, names and the dek: tags gone, entities decoded, spaces collapsed. */
export function htmlToPlainText(html: string): string {
  const stripped = sanitizeHtml(stripNoise(html), { allowedTags: [], allowedAttributes: {} });
  // sanitize-html decodes every entity and escapes these again for HTML; plain text wants them bare.
  return stripped
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
