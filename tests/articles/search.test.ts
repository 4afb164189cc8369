import { beforeAll, describe, expect, it } from "vitest";

import { searchArticles, snippetParts } from "@/lib/articles/search";
import type { Db } from "@/lib/db/client";

import { freshDatabase } from "../helpers/db";
import { createArticle } from "../helpers/factories";

let db: Db;

beforeAll(async () => {
  ({ db } = await freshDatabase());
  await createArticle(db, {
    slug: "haushalt",
    title: "Bundestag beschließt Haushalt",
    body: "Die Verteidigungsausgaben steigen im kommenden Jahr deutlich. Für Schulen bleibt weniger.",
  });
  await createArticle(db, {
    slug: "verteidigung-titel",
    title: "Verteidigung im Wandel",
    body: "Ein Überblick über die Lage der Streitkräfte.",
  });
  await createArticle(db, { slug: "staedte", title: "Städte wachsen", body: "Die größten Städte Europas wachsen weiter; Mieten steigen." });
  await createArticle(db, { slug: "entwurf", title: "Geheime Verteidigungspläne", body: "Entwurf.", status: "DRAFT", publishedAt: null });
  await createArticle(db, {
    slug: "spaeter",
    title: "Verteidigung morgen",
    body: "Geplant.",
    status: "SCHEDULED",
    publishedAt: new Date(Date.now() + 3_600_000),
  });
});

describe("searching articles", () => {
  it("finds German word forms: 'Verteidigung' finds 'Verteidigungsausgaben', a title hit ranks first", async () => {
    const { hits, total } = await searchArticles({ db, text: "Verteidigung" });
    expect(hits.map((hit) => hit.slug)).toEqual(["verteidigung-titel", "haushalt"]);
    expect(total).toBe(2);
  });

  it("finds inflected forms with umlauts: 'Städten' and 'größte' find 'Städte' and 'größten'", async () => {
    expect((await searchArticles({ db, text: "Städten" })).hits.map((hit) => hit.slug)).toEqual(["staedte"]);
    expect((await searchArticles({ db, text: "größte" })).hits.map((hit) => hit.slug)).toEqual(["staedte"]);
    expect((await searchArticles({ db, text: "Miete" })).hits.map((hit) => hit.slug)).toEqual(["staedte"]);
  });

  it("every word must match", async () => {
    expect((await searchArticles({ db, text: "Haushalt Schulen" })).hits.map((hit) => hit.slug)).toEqual(["haushalt"]);
    expect((await searchArticles({ db, text: "Haushalt Mieten" })).hits).toEqual([]);
  });

  it("drafts and articles scheduled for later are not found", async () => {
    const slugs = (await searchArticles({ db, text: "Verteidigung" })).hits.map((hit) => hit.slug);
    expect(slugs).not.toContain("entwurf");
    expect(slugs).not.toContain("spaeter");
  });

  it("marks the matched words in the snippet", async () => {
    const [hit] = (await searchArticles({ db, text: "Verteidigungsausgaben" })).hits;
    const marked = snippetParts(hit!.snippet)
      .filter((part) => part.hit)
      .map((part) => part.text);
    expect(marked).toContain("Verteidigungsausgaben");
  });

  it("query syntax and SQL characters are just text", async () => {
    for (const query of ["' OR 1=1 --", "a & | ! ( ) :*", "\\", "<script>", "   "]) {
      await expect(searchArticles({ db, text: query })).resolves.toMatchObject({ hits: expect.any(Array) });
    }
  });
});
