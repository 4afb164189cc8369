import { cache } from "react";
import { z } from "zod";
import { db } from "@/lib/db/client";

/** Every site setting with its default; a row in the Setting table overrides one key. */
export const siteSettingsSchema = z.object({
  siteName: z.string().min(1).max(80).default("Agora"),
  siteDescription: z.string().max(300).default("Nachrichten und Debatte – mit einem Kommentarbereich, der dazugehört."),
  /** What happens to a deleted account's comments: "[gelöscht]" placeholders, or removed. */
  deletedAccountComments: z.enum(["anonymize", "remove"]).default("anonymize"),
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;

/** Reads the settings once per request; unknown or invalid stored values fall back to defaults. */
export const getSiteSettings = cache(async (): Promise<SiteSettings> => {
  const rows = await db().setting.findMany({ where: { key: { in: Object.keys(siteSettingsSchema.shape) } } });
  const stored = Object.fromEntries(rows.map((row) => [row.key, row.value]));
  const parsed = siteSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : siteSettingsSchema.parse({});
});
