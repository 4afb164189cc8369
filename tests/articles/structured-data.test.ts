import { describe, expect, it } from "vitest";

import { jsonLdScript, newsArticleJsonLd } from "@/lib/articles/structured-data";

const article = {
  slug: "haushalt",
  title: "Haushalt </script><script>alert(1)</script>",
  dek: "Der Bundestag berät.",
  publishedAt: new Date("2026-11-20T08:00:00Z"),
  updatedAt: new Date("2026-11-21T09:30:00Z"),
  commentCount: 7,
  leadImageUrl: "/medien/0123456789abcdef01234567.png",
  author: { name: "Rainer Rupp" },
  section: { name: "Politik", slug: "politik" },
  tags: [{ name: "Bundeswehr" }, { name: "Haushalt" }],
};

describe("NewsArticle JSON-LD", () => {
  it("has the fields Google's article rich results read, with absolute URLs", () => {
    const data = newsArticleJsonLd(article, "https://agora.example", "Agora");
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      url: "https://agora.example/artikel/haushalt",
      mainEntityOfPage: { "@id": "https://agora.example/artikel/haushalt" },
      datePublished: "2026-11-20T08:00:00.000Z",
      dateModified: "2026-11-21T09:30:00.000Z",
      author: [{ "@type": "Person", name: "Rainer Rupp" }],
      publisher: { "@type": "Organization", name: "Agora" },
      image: ["https://agora.example/medien/0123456789abcdef01234567.png"],
      articleSection: "Politik",
      keywords: "Bundeswehr, Haushalt",
      commentCount: 7,
      description: "Der Bundestag berät.",
    });
  });

  it("cannot close its script element, whatever the headline says", () => {
    const script = jsonLdScript(newsArticleJsonLd(article, "https://agora.example", "Agora"));
    expect(script).not.toContain("</script>");
    expect(JSON.parse(script).headline).toBe(article.title);
  });
});
