import { parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";

import { renderArticleMarkdown, renderCommentMarkdown } from "@/lib/markdown/render";

import { XSS_PAYLOADS } from "./xss-corpus";

type Node = { type: string; name?: string; attribs?: Record<string, string>; children?: Node[] };

function* elements(node: Node): Generator<Node> {
  if (node.type === "tag" || node.type === "script" || node.type === "style") yield node;
  for (const child of node.children ?? []) yield* elements(child);
}

/**
 * Whether a URL attribute is harmless, read the way a browser's URL parser reads it: leading
 * and trailing controls and spaces dropped, tabs and newlines removed, then a scheme is letters
 * followed by letters, digits, "+", "-" or "." up to the first ":". No scheme: a relative link.
 */
function safeUrl(value: string): boolean {
  const cleaned = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
  return scheme === undefined || ["http", "https", "mailto"].includes(scheme);
}

/** What a browser would find in the HTML that could run script. */
function dangers(html: string, allowedTags: readonly string[]): string[] {
  const found: string[] = [];
  for (const element of elements(parseDocument(html) as unknown as Node)) {
    if (!allowedTags.includes(element.name ?? "")) found.push(`<${element.name}>`);
    for (const [name, value] of Object.entries(element.attribs ?? {})) {
      if (name.startsWith("on")) found.push(`${name}=`);
      if (["href", "src", "action", "formaction", "xlink:href", "data", "style", "srcdoc"].includes(name) && !safeUrl(value))
        found.push(`${name}=${value}`);
      if (name === "style" || name === "srcdoc") found.push(name);
    }
  }
  return found;
}

const COMMENT_TAGS = ["p", "br", "strong", "em", "a", "blockquote", "ul", "ol", "li", "code", "del"];
const ARTICLE_TAGS = [
  ...COMMENT_TAGS,
  "h2",
  "h3",
  "h4",
  "pre",
  "hr",
  "figure",
  "figcaption",
  "img",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "sup",
  "sub",
];

describe("stored XSS: the corpus", () => {
  it("holds at least 300 distinct payloads", () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(300);
  });
});

describe("stored XSS: Markdown rendering", () => {
  it.each(XSS_PAYLOADS.map((payload, index) => [index, payload]))("comment payload %i leaves nothing that runs: %s", (_index, payload) => {
    expect(dangers(renderCommentMarkdown(payload), COMMENT_TAGS)).toEqual([]);
  });

  it.each(XSS_PAYLOADS.map((payload, index) => [index, payload]))("article payload %i leaves nothing that runs: %s", (_index, payload) => {
    expect(dangers(renderArticleMarkdown(payload), ARTICLE_TAGS)).toEqual([]);
  });
});
