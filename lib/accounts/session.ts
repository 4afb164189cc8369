import { forbidden, redirect } from "next/navigation";
import { cache } from "react";

import { db } from "@/lib/db/client";

import { auth } from "./auth";
import { may, type Permission } from "./permissions";

/**
 * The signed-in user as the database knows them now, or null. The session cookie only
 * names the user: role, name and verification come fresh from the database, and a
 * session issued before a password change (older sessionVersion) or for a deleted
 * account no longer counts.
 */
export const getCurrentUser = cache(async () => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db().user.findUnique({
    where: { id },
    // The ban comes along so that pages showing the comment form need no second read of the user.
    select: {
      id: true,
      name: true,
      email: true,
      emailVerified: true,
      role: true,
      sessionVersion: true,
      passwordHash: true,
      locale: true,
      bannedUntil: true,
      banReason: true,
    },
  });
  if (!user || user.sessionVersion !== session.sessionVersion) return null;
  const { passwordHash, ...rest } = user;
  return { ...rest, hasPassword: passwordHash !== null };
});

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>;

/** For pages: a signed-out visitor goes to sign-in and comes back to `returnTo` afterwards. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/anmelden?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For pages: signed out → sign-in; signed in without the permission → 403. */
export async function requirePermission(permission: Permission, returnTo: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (!may(user, permission)) forbidden();
  return user;
}

/** For route handlers and actions: the user when they hold the permission, else null; the caller turns null into a refusal. */
export async function currentUserWithPermission(permission: Permission): Promise<CurrentUser | null> {
  const user = await getCurrentUser();
  return may(user, permission) ? user : null;
}
