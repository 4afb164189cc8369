import { cache } from "react";
import { z } from "zod";

import { cachedRead } from "@/lib/cache/cached";
import { CACHE_TAGS } from "@/lib/cache/tags";
import { db, type Db } from "@/lib/db/client";
import { locales } from "@/lib/i18n/config";

import { cacheTimeSettings } from "./cache-times";
import { MODERATION_MODES } from "./modes";

export { MODERATION_MODES, type ModerationMode } from "./modes";

const wordList = z.array(z.string().trim().min(1).max(100)).max(2000);

/** Every site setting with its default; a row in the Setting table overrides one key. */
export const siteSettingsSchema = z.object({
  siteName: z.string().min(1).max(80).default("Agora"),
  siteDescription: z.string().max(300).default("Nachrichten und Debatte – mit einem Kommentarbereich, der dazugehört."),
  /** The UI language of readers who have not picked one in the header. */
  defaultLocale: z.enum(locales).default("de"),
  /** What happens to a deleted account's comments: "[gelöscht]" placeholders, or removed. */
  deletedAccountComments: z.enum(["anonymize", "remove"]).default("anonymize"),
  /** Longest comment in characters. */
  commentMaxLength: z.number().int().min(100).max(20_000).default(3000),
  /** Levels of a thread, the top-level comment included (WordPress counts the same way). */
  commentMaxDepth: z.number().int().min(1).max(10).default(3),
  /** How long authors may edit their comment after posting, in minutes. */
  commentEditWindowMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(15),
  /** Comments close this many days after publication; 0 keeps them open. */
  commentsCloseAfterDays: z.number().int().min(0).max(3650).default(0),
  /** Comments one account may post per minute. */
  commentsPerMinute: z.number().int().min(1).max(100).default(5),
  /** post: comments appear at once; pre: every comment waits; first: a reader's comments wait until one was approved. */
  moderationMode: z.enum(MODERATION_MODES).default("post"),
  /** Words and phrases that reject a comment (whole words; case, umlaut and ß spellings alike). */
  bannedWords: wordList.default([]),
  /** Words and phrases that hold a comment for an editor. */
  suspectWords: wordList.default([]),
  /** A comment with more links than this waits for an editor. */
  maxLinks: z.number().int().min(0).max(50).default(2),
  /** Comments of accounts younger than this many hours wait for an editor; 0 turns the rule off. */
  minAccountAgeHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 90)
    .default(0),
  /** A comment sent sooner than this after its form appeared is treated as a bot's (spam). */
  minSubmitSeconds: z.number().int().min(0).max(120).default(3),
  /** A comment sent sooner than this after the author's previous one waits for an editor; 0 (default) leaves flooding to commentsPerMinute. */
  minSecondsBetweenComments: z.number().int().min(0).max(3600).default(0),
  ...cacheTimeSettings,
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;

/** The stored settings over the defaults; a stored value that is invalid falls back to its default alone. */
export async function readSiteSettings(client: Db = db()): Promise<SiteSettings> {
  const shape = siteSettingsSchema.shape;
  const rows = await client.setting.findMany({ where: { key: { in: Object.keys(shape) } } });
  const stored: Record<string, unknown> = {};
  for (const row of rows) {
    const field = shape[row.key as keyof typeof shape];
    if (field?.safeParse(row.value).success) stored[row.key] = row.value;
  }
  return siteSettingsSchema.parse(stored);
}

/** Reads the settings once per request, from the server's cache until an admin changes them. */
export const getSiteSettings = cache(
  cachedRead("settings", (): Promise<SiteSettings> => readSiteSettings(), { tags: () => [CACHE_TAGS.settings] }),
);
