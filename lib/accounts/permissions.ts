import type { Role } from "@/lib/db/client";

/**
 * Who may do what: the one table of permissions to roles. Commands, pages, components and the
 * authorisation matrix all ask `may(actor, permission)`; no code compares roles itself.
 */
export const PERMISSIONS = {
  /** The newsroom's own voice: comments skip the intake rules, carry the newsroom badge, and get the moderation digest. */
  "comments.speakForNewsroom": ["EDITOR", "ADMIN"],
  /** The moderation area: queues, decisions, featuring, editing others' comments, opening and closing discussions. */
  "comments.moderate": ["EDITOR", "ADMIN"],
  /** The moderation log: every decision and who took it. */
  "moderation.log": ["EDITOR", "ADMIN"],
  /** Suspend, ban and pre-moderate readers. */
  "people.restrict": ["EDITOR", "ADMIN"],
  /** Restrict editors too (an editor cannot restrict another editor). */
  "people.restrictEditors": ["ADMIN"],
  /** Be named as an article's author: the newsroom's bylines. */
  "articles.byline": ["EDITOR", "ADMIN"],
  /** Write, publish, schedule, unpublish and delete articles. */
  "articles.publish": ["ADMIN"],
  /** Create, rename, order and delete sections. */
  "sections.manage": ["ADMIN"],
  /** Site, comment, moderation and cache settings. */
  "settings.manage": ["ADMIN"],
  /** Give and take roles. */
  "users.manage": ["ADMIN"],
  /** Import a WordPress export. */
  "content.import": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Whether this person (signed in, with a role) may do this; a signed-out visitor may do none of it. */
export function may(actor: { role: Role | string } | null | undefined, permission: Permission): boolean {
  return !!actor && (PERMISSIONS[permission] as readonly string[]).includes(actor.role);
}

/** The roles holding a permission, for queries ("every member of the newsroom"). */
export function rolesWith(permission: Permission): Role[] {
  return [...PERMISSIONS[permission]];
}
