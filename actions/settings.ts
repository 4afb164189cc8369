"use server";

import { refresh } from "next/cache";

import { currentUserWithRole } from "@/lib/accounts/session";
import { db } from "@/lib/db/client";
import { echoValues, formText, type FormState } from "@/lib/forms/state";
import { parseWordList } from "@/lib/moderation/words";
import { updateSiteSettings } from "@/lib/settings/commands";

const NUMBERS = [
  "commentMaxLength",
  "commentMaxDepth",
  "commentEditWindowMinutes",
  "commentsCloseAfterDays",
  "commentsPerMinute",
  "maxLinks",
  "minAccountAgeHours",
  "minSubmitSeconds",
  "minSecondsBetweenComments",
  "cacheSharedMaxAgeSeconds",
  "cacheStaleWhileRevalidateSeconds",
  "cacheStaleIfErrorSeconds",
] as const;
const TEXTS = ["siteName", "siteDescription", "defaultLocale", "moderationMode", "deletedAccountComments"] as const;

/** The settings page: every field at once; invalid fields are marked and nothing is saved. */
export async function saveSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await currentUserWithRole(["ADMIN"]);
  if (!actor) return { ok: false, message: "forbidden" };
  const input: Record<string, unknown> = {};
  for (const key of TEXTS) input[key] = formText(formData, key).trim();
  for (const key of NUMBERS) {
    const raw = formText(formData, key).trim();
    input[key] = /^\d+$/.test(raw) ? Number(raw) : raw;
  }
  input.bannedWords = parseWordList(formText(formData, "bannedWords"));
  input.suspectWords = parseWordList(formText(formData, "suspectWords"));
  const result = await updateSiteSettings(db(), actor, input);
  if (!result.ok) {
    return {
      ok: false,
      message: result.error,
      fieldErrors: "fieldErrors" in result ? result.fieldErrors : undefined,
      values: echoValues(formData),
    };
  }
  refresh();
  return { ok: true, message: "saved", messageValues: { count: result.changed.length } };
}
