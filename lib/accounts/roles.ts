import { articlesChanged } from "@/lib/cache/invalidate";
import { db as appDb, type Db, type Prisma, type Role } from "@/lib/db/client";

import { may, rolesWith } from "./permissions";

export const USERS_PAGE_SIZE = 20;

/** The admin users list: search by name or e-mail, newest first, a page at a time. */
export async function listUsers({ db = appDb(), query = "", page = 1 }: { db?: Db; query?: string; page?: number }) {
  const q = query.trim();
  const where: Prisma.UserWhereInput = q
    ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] }
    : {};
  const current = Math.max(1, Math.floor(page) || 1);
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (current - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: { id: true, name: true, email: true, role: true, emailVerified: true, createdAt: true },
    }),
  ]);
  return { users, total, page: current, pages: Math.max(1, Math.ceil(total / USERS_PAGE_SIZE)) };
}

/**
 * Changes a role and logs the decision. The site must keep an admin: the last one cannot
 * give up or lose the role. Checked inside a serialisable transaction so two admins
 * demoting each other at once cannot both succeed. Staff badges beside comments show the
 * role under any article, so a change expires every page.
 */
export async function changeRole({
  db = appDb(),
  actor,
  targetId,
  role,
}: {
  db?: Db;
  actor: { id: string; role: Role };
  targetId: string;
  role: Role;
}): Promise<{ ok: true } | { ok: false; error: "forbidden" | "notFound" | "lastAdmin" }> {
  if (!may(actor, "users.manage")) return { ok: false, error: "forbidden" };
  try {
    const result = await db.$transaction(
      async (tx) => {
        const target = await tx.user.findUnique({ where: { id: targetId }, select: { role: true } });
        if (!target) return { ok: false as const, error: "notFound" as const };
        if (target.role === role) return { ok: true as const, changed: false };
        // The last person who manages users (an admin) cannot lose that.
        const losesManagement = may(target, "users.manage") && !may({ role }, "users.manage");
        if (losesManagement && (await tx.user.count({ where: { role: { in: rolesWith("users.manage") } } })) <= 1) {
          return { ok: false as const, error: "lastAdmin" as const };
        }
        await tx.user.update({ where: { id: targetId }, data: { role } });
        await tx.moderationLogEntry.create({
          data: { actorId: actor.id, action: "user.role", targetType: "user", targetId, before: { role: target.role }, after: { role } },
        });
        return { ok: true as const, changed: true };
      },
      { isolationLevel: "Serializable" },
    );
    if (!result.ok) return result;
    if (result.changed) void articlesChanged(db);
    return { ok: true };
  } catch (error) {
    // A concurrent role change won the race; the admin can simply try again.
    if ((error as { code?: string }).code === "P2034") return { ok: false, error: "lastAdmin" };
    throw error;
  }
}
