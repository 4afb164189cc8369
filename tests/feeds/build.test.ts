import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";

import { articleFeed, commentsFeed, type FeedArticle } from "@/lib/feeds/build";

const site = { origin: "https://agora.example", siteName: "Agora", description: "Nachrichten & Debatte", language: "de" };

const article = (overrides: Partial<FeedArticle> = {}): FeedArticle => ({
  slug: "haushalt",
  title: "Haushalt: „Mehr“ für <Verteidigung> & Bildung",
  dek: null,
  excerpt: "Der Bundestag berät.",
  body: "Der Bundestag **berät**. [Mehr](/artikel/anderer) und ![Bild](/medien/0123456789abcdef01234567.png)\n\n<script>alert(1)</script>",
  publishedAt: new Date("2026-11-20T08:00:00Z"),
  updatedAt: new Date("2026-11-21T09:30:00Z"),
  leadImageUrl: "/medien/0123456789abcdef01234567.png",
  author: { name: "Rainer Rupp" },
  section: { name: "Politik" },
  tags: [{ name: "Bundeswehr" }],
  ...overrides,
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
const paths = { title: "Agora", link: "/", selfPath: "/feed.xml", atomPath: "/atom.xml" };

describe("article feeds", () => {
  it("RSS 2.0 is well-formed XML with absolute links, dates and escaped titles", () => {
    const xml = articleFeed(site, [article()], paths).rss2();
    expect(XMLValidator.validate(xml)).toBe(true);
    const item = parser.parse(xml).rss.channel.item;
    expect(item.title).toBe("Haushalt: „Mehr“ für <Verteidigung> & Bildung");
    expect(item.link).toBe("https://agora.example/artikel/haushalt");
    expect(new Date(item.pubDate).toISOString()).toBe("2026-11-20T08:00:00.000Z");
    expect(parser.parse(xml).rss.channel.language).toBe("de");
  });

  it("the full content is sanitised and its site-relative links and images become absolute", () => {
    const xml = articleFeed(site, [article()], paths).rss2();
    const content = parser.parse(xml).rss.channel.item["content:encoded"] as string;
    expect(content).toContain('href="https://agora.example/artikel/anderer"');
    expect(content).toContain('src="https://agora.example/medien/0123456789abcdef01234567.png"');
    expect(content).not.toContain("<script");
  });

  it("Atom 1.0 is well-formed with an entry per article and a self link", () => {
    const xml = articleFeed(site, [article(), article({ slug: "zwei", title: "Zwei" })], paths).atom1();
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parser.parse(xml).feed;
    expect(feed.entry).toHaveLength(2);
    expect(feed.entry[0].id).toBe("https://agora.example/artikel/haushalt");
    expect([feed.link].flat().map((l: Record<string, string>) => l["@href"])).toContain("https://agora.example/atom.xml");
  });
});

describe("comments feed", () => {
  it("lists each comment with its author and a permalink to it", () => {
    const xml = commentsFeed(
      site,
      { slug: "haushalt", title: "Haushalt" },
      [{ id: "c1", body: "Gute **Frage** <img src=x onerror=alert(1)>", createdAt: new Date("2026-11-21T10:00:00Z"), authorName: "Lena" }],
      "Kommentare zu „Haushalt“",
    ).rss2();
    expect(XMLValidator.validate(xml)).toBe(true);
    const item = parser.parse(xml).rss.channel.item;
    expect(item.title).toBe("Lena: Haushalt");
    expect(item.link).toBe("https://agora.example/artikel/haushalt?kommentar=c1#comment-c1");
    expect(item["content:encoded"]).not.toContain("onerror");
  });
});
