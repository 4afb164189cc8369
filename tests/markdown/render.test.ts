import { describe, expect, it } from "vitest";

import { renderArticleMarkdown, renderCommentMarkdown } from "@/lib/markdown/render";

describe("article Markdown", () => {
  it("renders paragraphs, emphasis and quotes with German typography intact", () => {
    const html = renderArticleMarkdown("Erster Absatz mit “Zitat” und **Betonung**.\n\nZweiter Absatz – äöüß.");
    expect(html).toBe("<p>Erster Absatz mit “Zitat” und <strong>Betonung</strong>.</p>\n<p>Zweiter Absatz – äöüß.</p>\n");
  });

  it("removes script and event handlers even from the newsroom's own bodies", () => {
    const html = renderArticleMarkdown('Text <script>alert(1)</script><img src="x.png" onerror="alert(1)">');
    expect(html).not.toMatch(/script|onerror|alert/);
  });
});

describe("comment Markdown", () => {
  it("supports the safe subset: emphasis, links, quotes, lists and inline code", () => {
    const html = renderCommentMarkdown("*kursiv* und `code`\n\n> zitiert\n\n- eins\n- zwei\n\n[Quelle](https://example.org)");
    expect(html).toContain("<em>kursiv</em>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain("<li>eins</li>");
    expect(html).toContain('<a href="https://example.org" rel="nofollow ugc noopener">Quelle</a>');
  });

  it("marks every link nofollow ugc noopener, overriding what the author wrote", () => {
    const html = renderCommentMarkdown('<a href="https://example.org" rel="author">x</a>');
    expect(html).toContain('rel="nofollow ugc noopener"');
  });

  const COMMENT_TAGS = ["p", "br", "strong", "em", "a", "blockquote", "ul", "ol", "li", "code", "del"];

  it.each([
    ["a script tag", "<script>alert(1)</script>"],
    ["an event handler", '<p onclick="alert(1)">klick</p>'],
    ["a javascript: link", "[klick](javascript:alert(1))"],
    ["a data: link", "[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["an iframe", '<iframe src="https://evil.example"></iframe>'],
    ["a style attribute", '<em style="position:fixed">x</em>'],
    ["an SVG onload", '<svg onload="alert(1)"></svg>'],
    ["broken markup", "<img src=x onerror=alert(1)//"],
    ["a mixed-case javascript: href", '<a href="JaVaScRiPt:alert(1)">x</a>'],
    ["an entity-encoded javascript: link", "[x](&#106;avascript:alert(1))"],
    ["a vbscript: link", '<a href="vbscript:msgbox(1)">x</a>'],
    ["a style element", "<style>body{display:none}</style>Text"],
    ["a form with a button", '<form action="https://evil.example"><button>los</button></form>'],
    ["an unclosed tag swallowing the rest", '<a href="https://example.org" onmouseover="alert(1)"'],
  ])("neutralises %s", (_name, input) => {
    const html = renderCommentMarkdown(input);
    // Whatever is left may only be the subset's elements with href and rel; the rest is escaped text.
    for (const [, tag, attributes] of html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/gi)) {
      expect(COMMENT_TAGS).toContain(tag);
      expect(attributes!.replace(/\s(href|rel)="[^"]*"/g, "").trim()).toBe("");
    }
    expect(html).not.toMatch(/href="(javascript|data):/i);
  });

  it("keeps deeply nested quotes as quotes, balanced", () => {
    const html = renderCommentMarkdown(`${"> ".repeat(30)}tief`);
    expect(html.match(/<blockquote>/g)).toHaveLength(30);
    expect(html.match(/<\/blockquote>/g)).toHaveLength(30);
    expect(html).toContain("tief");
  });

  it("keeps the text of elements outside the subset, like headings", () => {
    expect(renderCommentMarkdown("# Überschrift").trim()).toBe("Überschrift");
  });
});
