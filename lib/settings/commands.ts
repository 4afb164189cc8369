import { may } from "@/lib/accounts/permissions";
import { settingsChanged } from "@/lib/cache/invalidate";
import { db as appDb, type Db, type Prisma, type Role } from "@/lib/db/client";
import type { FieldErrors } from "@/lib/forms/state";
import { fail, type CommandResult } from "@/lib/result";

import { readSiteSettings, siteSettingsSchema, type SiteSettings } from "./site";

/**
 * Saves the settings an admin changed, each as its own row, with one audit entry per
 * changed key (before and after). Nothing is saved when any value is invalid. Any change
 * expires every page: the site's name, modes and limits show on all of them.
 */
export async function updateSiteSettings({
  db = appDb(),
  actor,
  input,
}: {
  db?: Db;
  actor: { id: string; role: Role };
  input: Partial<Record<keyof SiteSettings, unknown>>;
}): Promise<CommandResult<{ changed: string[] }> | { ok: false; error: "settingsInvalid"; fieldErrors: FieldErrors }> {
  if (!may(actor, "settings.manage")) return fail("forbidden");
  const shape = siteSettingsSchema.shape;
  const parsed: Partial<SiteSettings> = {};
  const fieldErrors: FieldErrors = {};
  for (const [key, value] of Object.entries(input)) {
    const field = shape[key as keyof typeof shape];
    if (!field) continue;
    const result = field.safeParse(value);
    if (result.success) (parsed as Record<string, unknown>)[key] = result.data;
    else fieldErrors[key] = "valueInvalid";
  }
  if (Object.keys(fieldErrors).length) return { ok: false, error: "settingsInvalid", fieldErrors };
  const current = await readSiteSettings(db);
  const changed = Object.entries(parsed).filter(
    ([key, value]) => JSON.stringify(current[key as keyof SiteSettings]) !== JSON.stringify(value),
  );
  if (changed.length === 0) return { ok: true, changed: [] };
  await db.$transaction(async (tx) => {
    for (const [key, value] of changed) {
      const json = value as Prisma.InputJsonValue;
      await tx.setting.upsert({ where: { key }, create: { key, value: json }, update: { value: json } });
      await tx.moderationLogEntry.create({
        data: {
          actorId: actor.id,
          action: "setting.change",
          targetType: "setting",
          targetId: key,
          before: { value: current[key as keyof SiteSettings] },
          after: { value: json },
        },
      });
    }
  });
  void settingsChanged(db);
  return { ok: true, changed: changed.map(([key]) => key) };
}
