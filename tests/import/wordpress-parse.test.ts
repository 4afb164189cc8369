import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { htmlToPlainText, wordpressHtmlToMarkdown } from "@/lib/import/wordpress/content";
import { parseWxr, wxrDate, WxrFormatError } from "@/lib/import/wordpress/parse";
import { renderArticleMarkdown } from "@/lib/markdown/render";

const xml = readFileSync(path.resolve(import.meta.dirname, "../fixtures/wordpress-export.xml"), "utf8");
const wxr = parseWxr(xml);
const post = (id: string) => {
  const found = wxr.posts.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`post ${id} missing from the fixture`);
  return found;
};

describe("reading a WordPress export", () => {
  it("reads the site's title and home link without a trailing slash", () => {
    expect(wxr.site).toEqual({ title: "Münchner Stadtblatt", link: "https://stadtblatt.example.org" });
  });

  it("reads authors with login, e-mail and display name, and no e-mail as null", () => {
    expect(wxr.authors).toEqual([
      { login: "anna", email: "Anna.Schaefer@Redaktion.example", displayName: "Anna Schäfer" },
      { login: "jonas", email: "jonas.weber@stadtblatt.example.org", displayName: "Jonas Weber" },
      { login: "praktikum", email: null, displayName: "Praktikantin Lea" },
    ]);
  });

  it("reads categories and tags with their slugs as WordPress stores them", () => {
    expect(wxr.categories).toEqual([
      { slug: "lokales", name: "Lokales" },
      { slug: "au%c3%9fenpolitik", name: "Außenpolitik" },
    ]);
    expect(wxr.tags.map((tag) => tag.slug)).toEqual(["oktoberfest", "b%c3%bcrgerbeteiligung", "haushalt"]);
  });

  it("returns only posts as posts, trashed ones included, each with its status", () => {
    expect(wxr.posts.map((item) => [item.id, item.status])).toEqual([
      ["101", "publish"],
      ["102", "publish"],
      ["103", "draft"],
      ["104", "future"],
      ["105", "trash"],
    ]);
  });

  it("lists pages, attachments and menu items as skipped with their post type as the reason", () => {
    expect(wxr.skipped).toEqual([
      { kind: "page", id: "2", title: "Impressum", reason: "page" },
      { kind: "attachment", id: "201", title: "festzelt", reason: "attachment" },
      { kind: "item", id: "301", title: "Startseite", reason: "nav_menu_item" },
    ]);
  });

  it("keeps a post's fields from the namespaced tags, CDATA text and non-ASCII letters intact", () => {
    const festival = post("101");
    expect(festival).toMatchObject({
      title: "Grüße aus München: Straßenfest im Süden",
      slug: "gr%c3%bc%c3%9fe-aus-m%c3%bcnchen",
      guid: "https://stadtblatt.example.org/?p=101",
      creator: "jonas",
      dateGmt: "2026-03-14 09:30:00",
      date: "2026-03-14 10:30:00",
      excerpt: "<p>Ein <em>Fest</em> für alle &amp; jeden.</p>",
      categories: [
        { slug: "lokales", name: "Lokales" },
        { slug: "au%c3%9fenpolitik", name: "Außenpolitik" },
      ],
      tags: [
        { slug: "oktoberfest", name: "Oktoberfest" },
        { slug: "b%c3%bcrgerbeteiligung", name: "Bürgerbeteiligung" },
      ],
    });
    expect(festival.content).toContain("<!-- wp:paragraph -->");
    expect(festival.content).toContain('[caption id="attachment_201"');
  });

  it("reads a draft without a slug and without a UTC date as WordPress leaves them", () => {
    expect(post("103")).toMatchObject({ slug: "", dateGmt: "0000-00-00 00:00:00", date: "2026-03-20 08:00:00" });
  });

  it("reads comments with parent, author, approval and type; an empty type is an ordinary comment", () => {
    const reply = post("101").comments.find((comment) => comment.id === "12");
    expect(reply).toEqual({
      id: "12",
      parentId: "11",
      authorName: "Anna Schäfer",
      authorEmail: "anna.schaefer@redaktion.example",
      authorUrl: null,
      dateGmt: "2026-03-14 11:00:00",
      date: "2026-03-14 12:00:00",
      content: "Ja, eine <strong>Hüpfburg</strong> am Nachmittag.",
      approved: "1",
      type: "comment",
    });
    expect(post("101").comments.map((comment) => [comment.id, comment.approved, comment.type])).toEqual([
      ["13", "1", "comment"],
      ["11", "1", "comment"],
      ["12", "1", "comment"],
      ["14", "0", "comment"],
      ["15", "spam", "comment"],
      ["16", "trash", "comment"],
      ["17", "1", "comment"],
      ["18", "1", "pingback"],
    ]);
    expect(post("102").comments[0]?.type).toBe("comment");
  });

  it("treats the comments of a trashed post as trash", () => {
    expect(post("105").comments[0]?.approved).toBe("trash");
  });

  it("decodes character references in titles outside CDATA", () => {
    const single = parseWxr(
      xml.replace("<title>Haushalt 2026: Was die Stadt plant</title>", "<title>Was die Stadt&#8217;s Haushalt &amp; mehr plant</title>"),
    );
    expect(single.posts.find((item) => item.id === "102")?.title).toBe("Was die Stadt’s Haushalt & mehr plant");
  });

  it("reads the UTC date, falls back to the local date read as UTC, and gives null for none", () => {
    expect(wxrDate("2026-03-14 09:30:00", "2026-03-14 10:30:00")).toEqual(new Date("2026-03-14T09:30:00Z"));
    expect(wxrDate("0000-00-00 00:00:00", "2026-03-20 08:00:00")).toEqual(new Date("2026-03-20T08:00:00Z"));
    expect(wxrDate("0000-00-00 00:00:00", "")).toBeNull();
  });

  it("rejects XML that is not a WordPress export with a clear error", () => {
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Ein Feed</title><item><title>x</title></item></channel></rss>`;
    expect(() => parseWxr(feed)).toThrow(WxrFormatError);
    expect(() => parseWxr(feed)).toThrow(/^Not a WordPress export: expected an <rss> file with <wp:wxr_version>/);
    expect(() => parseWxr("<html><body>Hallo</body></html>")).toThrow(/Not a WordPress export/);
  });

  it("rejects a file that is not well-formed XML, saying where it breaks", () => {
    expect(() => parseWxr("Das ist kein XML")).toThrow(/^Not a WordPress export: the file is not well-formed XML \(line 1/);
    const truncated = () => parseWxr(xml.slice(0, 2000));
    expect(truncated).toThrow(WxrFormatError);
    expect(truncated).toThrow(expect.objectContaining({ code: "notXml", message: expect.stringMatching(/line 24, column \d+/) }));
  });
});

describe("converting WordPress HTML to Markdown", () => {
  const body = wordpressHtmlToMarkdown(post("101").content);

  it("keeps bold text, links and lists", () => {
    expect(body).toContain("Die **Stadt** lädt am Samstag zum [Straßenfest](https://stadtblatt.example.org/programm) in Giesing ein.");
    expect(body).toMatch(/^- +Blasmusik ab 11 Uhr$/m);
    expect(body).toMatch(/^- +Weißwürste & Brezn$/m);
  });

  it("keeps a captioned image with its caption and drops the shortcode", () => {
    expect(body).toContain("![Das Festzelt](https://stadtblatt.example.org/wp-content/uploads/2026/03/festzelt.jpg)");
    expect(body).toContain("_Das Festzelt am Mariahilfplatz_");
    expect(body).not.toContain("[caption");
    expect(body).not.toContain("[/caption]");
  });

  it("takes a caption from the older caption attribute when the shortcode holds only the image", () => {
    expect(
      wordpressHtmlToMarkdown('[caption id="a" caption="Foto: Stadt &amp; Land"]<img src="https://x.example/a.jpg" alt="A" />[/caption]'),
    ).toBe("![A](https://x.example/a.jpg)\n\n_Foto: Stadt & Land_");
  });

  it("removes scripts with their content and Gutenberg block comments", () => {
    expect(body).not.toMatch(/script|Werbung|document\.write/);
    expect(body).not.toMatch(/wp:|<!--/);
  });

  it("turns blank lines into paragraphs and single line breaks into hard breaks, as WordPress shows them", () => {
    expect(wordpressHtmlToMarkdown(post("102").content)).toBe(
      "Der Stadtrat hat den *Haushalt* für 2026 beschlossen.\n\nDie größten Posten sind Schulen  \nund der Nahverkehr.",
    );
    expect(body).toContain("Der Eintritt ist frei.  \nEnde gegen 22 Uhr.");
  });

  it("renders through the site's Markdown renderer to the same structure", () => {
    const html = renderArticleMarkdown(body);
    expect(html).toContain("<strong>Stadt</strong>");
    expect(html).toContain('<a href="https://stadtblatt.example.org/programm">Straßenfest</a>');
    expect(html).toMatch(/<ul>\s*<li>Blasmusik ab 11 Uhr<\/li>/);
    expect(html).toContain('<img src="https://stadtblatt.example.org/wp-content/uploads/2026/03/festzelt.jpg" alt="Das Festzelt"');
  });

  it("drops iframes and styles, and keeps preformatted text fenced", () => {
    const markdown = wordpressHtmlToMarkdown(
      '<p>Video:</p><iframe src="https://video.example/1"></iframe><style>p{}</style>\n\n<pre>eins\n\nzwei</pre>',
    );
    expect(markdown).toBe("Video:\n\n```\neins\n\nzwei\n```");
  });

  it("keeps the text of enclosing shortcodes and drops self-closing media shortcodes", () => {
    expect(wordpressHtmlToMarkdown('[gallery ids="1,2,3"]\n\n[embed]https://video.example/1[/embed]\n\nEin [sic] bleibt.')).toBe(
      "https://video.example/1\n\nEin \\[sic\\] bleibt.",
    );
  });

  it("makes plain text of an excerpt: no tags, entities decoded", () => {
    expect(htmlToPlainText(post("101").excerpt)).toBe("Ein Fest für alle & jeden.");
    expect(htmlToPlainText("Haushalt &amp; Finanzen")).toBe("Haushalt & Finanzen");
  });
});
