import { z } from "zod";

import { may } from "@/lib/accounts/permissions";
import { sectionsChanged } from "@/lib/cache/invalidate";
import { db as appDb, type Db, type Role } from "@/lib/db/client";
import { fieldError, firstIssue } from "@/lib/forms/state";
import { fail, type CommandResult } from "@/lib/result";

import { slugify } from "./slug";

type Actor = { id: string; role: Role };

const sectionSchema = z.object({
  name: z.string().trim().min(1, fieldError("nameMissing")).max(60, fieldError("tooLong")),
  position: z.number().int(fieldError("valueInvalid")).min(0, fieldError("valueInvalid")).max(1000, fieldError("valueInvalid")),
});

/** Adds a section (ADMIN); its slug comes from the name, as for articles. */
export async function createSection({
  db = appDb(),
  actor,
  input,
}: {
  db?: Db;
  actor: Actor;
  input: { name: string; position: number };
}): Promise<CommandResult<{ id: string }>> {
  if (!may(actor, "sections.manage")) return fail("forbidden");
  const parsed = sectionSchema.safeParse(input);
  if (!parsed.success) {
    const { error, field } = firstIssue(parsed.error);
    return fail(error, field);
  }
  const slug = slugify(parsed.data.name);
  if (await db.section.findUnique({ where: { slug }, select: { id: true } })) return fail("sectionExists", "name");
  const section = await db.section.create({ data: { ...parsed.data, slug }, select: { id: true } });
  await db.moderationLogEntry.create({
    data: { actorId: actor.id, action: "section.create", targetType: "section", targetId: section.id, after: { ...parsed.data, slug } },
  });
  // The navigation on every page lists the sections.
  void sectionsChanged(db);
  return { ok: true, id: section.id };
}

/** Renames or reorders a section; its URL stays, so links to it keep working. */
export async function updateSection({
  db = appDb(),
  actor,
  id,
  input,
}: {
  db?: Db;
  actor: Actor;
  id: string;
  input: { name: string; position: number };
}): Promise<CommandResult> {
  if (!may(actor, "sections.manage")) return fail("forbidden");
  const parsed = sectionSchema.safeParse(input);
  if (!parsed.success) {
    const { error, field } = firstIssue(parsed.error);
    return fail(error, field);
  }
  const before = await db.section.findUnique({ where: { id }, select: { name: true, position: true } });
  if (!before) return fail("notFound");
  await db.section.update({ where: { id }, data: parsed.data });
  await db.moderationLogEntry.create({
    data: { actorId: actor.id, action: "section.update", targetType: "section", targetId: id, before, after: parsed.data },
  });
  void sectionsChanged(db);
  return { ok: true };
}

/** Removes a section; its articles stay published, without a section. */
export async function deleteSection({ db = appDb(), actor, id }: { db?: Db; actor: Actor; id: string }): Promise<CommandResult> {
  if (!may(actor, "sections.manage")) return fail("forbidden");
  const before = await db.section.findUnique({ where: { id }, select: { name: true, slug: true } });
  if (!before) return fail("notFound");
  await db.$transaction([
    db.section.delete({ where: { id } }),
    db.moderationLogEntry.create({ data: { actorId: actor.id, action: "section.delete", targetType: "section", targetId: id, before } }),
  ]);
  void sectionsChanged(db);
  return { ok: true };
}
