import { may } from "@/lib/accounts/permissions";
import { db as appDb, type Role } from "@/lib/db/client";
import { createNotice } from "@/lib/notices/commands";
import { deliverNotices } from "@/lib/notices/mails";
import { fail, type CommandResult } from "@/lib/result";

import { NOTE_MAX, parseReason, type Actor, type ModerationContext } from "./context";
import { PERMANENT_BAN } from "./policy";

const DAY = 86_400_000;
export const SUSPENSION_DAYS = [1, 3, 7, 30, 90] as const;

/** How far a person's power to restrict reaches: 0 nobody (readers), 1 readers (editors), 2 editors too (admins). */
const reach = (person: { role: Role }) => (may(person, "people.restrictEditors") ? 2 : may(person, "people.restrict") ? 1 : 0);

export type RestrictUserOptions = ModerationContext & { actor: Actor; userId: string; days: number | null; reason?: string; note?: string };

/**
 * Suspends a reader for some days, or bans them (days: null) until an editor lifts it. The
 * person gets a statement of reasons. Editors may restrict readers; only admins may restrict
 * editors; nobody restricts an admin or themselves. Readers' pages stay as they are (the
 * person's comments stay; only they see the ban), so nothing expires; the same for lifting it.
 */
export async function restrictUser({
  db = appDb(),
  now = new Date(),
  origin,
  actor,
  ...input
}: RestrictUserOptions): Promise<CommandResult<{ until: Date }>> {
  if (!may(actor, "people.restrict")) return fail("forbidden");
  const reason = parseReason(input.reason);
  if (!reason) return fail("reasonMissing", "reason");
  const note = input.note?.trim() || undefined;
  if (reason === "other" && !note) return fail("noteMissing", "note");
  if (note && note.length > NOTE_MAX) return fail("noteTooLong", "note", { max: NOTE_MAX });
  if (input.days !== null && !SUSPENSION_DAYS.includes(input.days as (typeof SUSPENSION_DAYS)[number])) return fail("unexpected");
  const target = await db.user.findUnique({
    where: { id: input.userId },
    select: { id: true, role: true, bannedUntil: true, banReason: true },
  });
  if (!target) return fail("notFound");
  // Nobody restricts themselves or someone whose power to restrict reaches as far as their own (an admin: nobody).
  if (target.id === actor.id || reach(target) >= reach(actor)) return fail("cannotRestrict");
  const until = input.days === null ? PERMANENT_BAN : new Date(now.getTime() + input.days * DAY);
  const banReason = note ? `${reason}: ${note}` : reason;
  const noticeId = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: target.id }, data: { bannedUntil: until, banReason } });
    await tx.moderationLogEntry.create({
      data: {
        actorId: actor.id,
        action: input.days === null ? "user.ban" : "user.suspend",
        targetType: "user",
        targetId: target.id,
        reason: banReason,
        before: { bannedUntil: target.bannedUntil?.toISOString() ?? null, banReason: target.banReason },
        after: { bannedUntil: until.toISOString(), banReason },
        createdAt: now,
      },
    });
    return createNotice(tx, {
      userId: target.id,
      kind: input.days === null ? "user.banned" : "user.suspended",
      data: { reason, note, until: input.days === null ? undefined : until.toISOString() },
    });
  });
  await deliverNotices(db, [noticeId], origin);
  return { ok: true, until };
}

export type LiftRestrictionOptions = ModerationContext & { actor: Actor; userId: string };

export async function liftRestriction({ db = appDb(), now, origin, actor, userId }: LiftRestrictionOptions): Promise<CommandResult> {
  if (!may(actor, "people.restrict")) return fail("forbidden");
  const target = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, bannedUntil: true, banReason: true } });
  if (!target) return fail("notFound");
  // A fellow moderator's restriction is lifted by someone who may restrict moderators.
  if (reach(target) === 1 && reach(actor) < 2) return fail("cannotRestrict");
  if (!target.bannedUntil) return { ok: true };
  const noticeId = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { bannedUntil: null, banReason: null } });
    await tx.moderationLogEntry.create({
      data: {
        actorId: actor.id,
        action: "user.unban",
        targetType: "user",
        targetId: userId,
        before: { bannedUntil: target.bannedUntil!.toISOString(), banReason: target.banReason },
        after: { bannedUntil: null, banReason: null },
        createdAt: now,
      },
    });
    return createNotice(tx, { userId, kind: "user.unbanned", data: {} });
  });
  await deliverNotices(db, [noticeId], origin);
  return { ok: true };
}

export type SetAlwaysPremoderateOptions = ModerationContext & { actor: Actor; userId: string; on: boolean };

/** "Always pre-moderate this user": their comments wait for an editor whatever the site's mode (from now on: no page changes). */
export async function setAlwaysPremoderate({ db = appDb(), now, actor, userId, on }: SetAlwaysPremoderateOptions): Promise<CommandResult> {
  if (!may(actor, "people.restrict")) return fail("forbidden");
  const target = await db.user.findUnique({ where: { id: userId }, select: { alwaysPremoderate: true } });
  if (!target) return fail("notFound");
  if (target.alwaysPremoderate === on) return { ok: true };
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { alwaysPremoderate: on } }),
    db.moderationLogEntry.create({
      data: {
        actorId: actor.id,
        action: on ? "user.premoderate_on" : "user.premoderate_off",
        targetType: "user",
        targetId: userId,
        before: { alwaysPremoderate: !on },
        after: { alwaysPremoderate: on },
        createdAt: now,
      },
    }),
  ]);
  return { ok: true };
}
