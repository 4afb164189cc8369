"use server";

import { z } from "zod";

import { formAction, type Outcome } from "@/lib/accounts/action";
import type { FormState } from "@/lib/forms/state";
import { parseWordList } from "@/lib/rules/words";
import { updateSiteSettings } from "@/lib/settings/commands";

// The settings page's form is parsed here rather than in lib/settings, which does not reach into lib/moderation for the word lists.
const text = z.string().trim();
// Digits become a number; anything else goes on as typed, for updateSiteSettings to mark the field.
const number = z
  .string()
  .trim()
  .transform((raw) => (/^\d+$/.test(raw) ? Number(raw) : raw));
const words = z.string().transform(parseWordList);

// In the order the settings are checked and logged.
const settingsSchema = z.object({
  siteName: text,
  siteDescription: text,
  defaultLocale: text,
  moderationMode: text,
  deletedAccountComments: text,
  commentMaxLength: number,
  commentMaxDepth: number,
  commentEditWindowMinutes: number,
  commentsCloseAfterDays: number,
  commentsPerMinute: number,
  maxLinks: number,
  minAccountAgeHours: number,
  minSubmitSeconds: number,
  minSecondsBetweenComments: number,
  cacheSharedMaxAgeSeconds: number,
  cacheStaleWhileRevalidateSeconds: number,
  cacheStaleIfErrorSeconds: number,
  bannedWords: words,
  suspectWords: words,
});

/** The settings page: every field at once; invalid fields are marked and nothing is saved. */
export const saveSettingsAction = formAction(
  { access: "settings.manage", schema: settingsSchema, refresh: true },
  async (input, actor): Promise<Outcome<FormState>> => {
    const result = await updateSiteSettings({ actor, input });
    if (!result.ok) return result;
    return { ok: true, message: "saved", messageValues: { count: result.changed.length } };
  },
);
