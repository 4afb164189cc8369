import { db as appDb, type Db } from "@/lib/db/client";

import { PUBLIC_ARTICLE_SQL } from "./visibility";

export const SEARCH_PAGE_SIZE = 20;
export const MAX_QUERY_LENGTH = 200;

/** Marks around the words a hit matched in its snippet (characters that do not occur in articles). */
export const HIT_START = "⟦";
export const HIT_END = "⟧";

export interface SearchHit {
  id: string;
  slug: string;
  title: string;
  snippet: string;
  publishedAt: Date;
  commentCount: number;
  sectionName: string | null;
  authorName: string | null;
}

/**
 * The query's words as PostgreSQL's German configuration stems them, each as a prefix:
 * "Verteidigung" becomes verteid:*, which also finds "Verteidigungsausgaben", since German
 * compounds start with their first word. Only letters and digits survive, so nothing typed can
 * change the query's syntax.
 */
async function prefixQuery(db: Db, text: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ lexeme: string }[]>`SELECT lexeme FROM unnest(to_tsvector('german', ${text}))`;
  const words = [...new Set(rows.map((row) => row.lexeme.replace(/[^\p{L}\p{N}]/gu, "")).filter(Boolean))].slice(0, 12);
  return words.length ? words.map((word) => `${word}:*`).join(" & ") : null;
}

/**
 * Full-text search over public articles: title weighs most, then dek, then body (see the
 * generated column in the publishing migration); ranked, newest first among equals, with
 * a snippet around the matches.
 */
export async function searchArticles({
  db = appDb(),
  text,
  page = 1,
}: {
  db?: Db;
  text: string;
  page?: number;
}): Promise<{ hits: SearchHit[]; total: number }> {
  const query = text.trim().slice(0, MAX_QUERY_LENGTH);
  const tsquery = query ? await prefixQuery(db, query) : null;
  if (!tsquery) return { hits: [], total: 0 };
  const offset = (Math.max(1, page) - 1) * SEARCH_PAGE_SIZE;
  const options = `StartSel="${HIT_START}", StopSel="${HIT_END}", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;
  const rows = await db.$queryRawUnsafe<(SearchHit & { total: bigint })[]>(
    `WITH q AS (SELECT to_tsquery('simple', $1) AS query)
     SELECT a."id", a."slug", a."title", a."publishedAt", a."commentCount", s."name" AS "sectionName", u."name" AS "authorName",
            ts_headline('german',
              regexp_replace(coalesce(a."dek", '') || E'\\n' || a."body", '\\]\\([^)]*\\)|[*_#>\`\\[]', '', 'g'),
              q.query, $2) AS "snippet",
            count(*) OVER () AS "total"
       FROM "Article" a CROSS JOIN q
       LEFT JOIN "Section" s ON s."id" = a."sectionId"
       JOIN "User" u ON u."id" = a."authorId"
      WHERE a."searchVector" @@ q.query AND ${PUBLIC_ARTICLE_SQL}
      ORDER BY ts_rank(a."searchVector", q.query) DESC, a."publishedAt" DESC
      LIMIT ${SEARCH_PAGE_SIZE} OFFSET $3`,
    tsquery,
    options,
    offset,
  );
  const hits = rows.map((row): SearchHit => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    snippet: row.snippet,
    publishedAt: row.publishedAt,
    commentCount: row.commentCount,
    sectionName: row.sectionName,
    authorName: row.authorName,
  }));
  return { hits, total: Number(rows[0]?.total ?? 0) };
}

/** A snippet as text pieces, the matched ones flagged, for rendering with <mark> (never as HTML). */
export function snippetParts(snippet: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  for (const [index, piece] of snippet.split(new RegExp(`[${HIT_START}${HIT_END}]`)).entries()) {
    if (piece) parts.push({ text: piece, hit: index % 2 === 1 });
  }
  return parts;
}
