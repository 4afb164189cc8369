import { describe, expect, it } from "vitest";

import { changeRole, listUsers, USERS_PAGE_SIZE } from "@/lib/accounts/roles";

import { freshDatabase } from "../helpers/db";
import { createUser } from "../helpers/factories";

describe("roles and the admin users list", async () => {
  const { db } = await freshDatabase();

  it("an admin makes a reader an editor, and the decision is logged", async () => {
    const admin = await createUser(db, { role: "ADMIN" });
    const reader = await createUser(db);
    expect(await changeRole({ db, actor: admin, targetId: reader.id, role: "EDITOR" })).toEqual({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).role).toBe("EDITOR");
    const log = await db.moderationLogEntry.findFirstOrThrow({ where: { targetId: reader.id, action: "user.role" } });
    expect(log).toMatchObject({ actorId: admin.id, before: { role: "READER" }, after: { role: "EDITOR" } });
  });

  it("only admins change roles", async () => {
    const editor = await createUser(db, { role: "EDITOR" });
    const reader = await createUser(db);
    expect(await changeRole({ db, actor: editor, targetId: reader.id, role: "ADMIN" })).toEqual({ ok: false, error: "forbidden" });
  });

  it("the last admin cannot give up the role, but can once there is another", async () => {
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "READER" } });
    const only = await createUser(db, { role: "ADMIN" });
    expect(await changeRole({ db, actor: only, targetId: only.id, role: "READER" })).toEqual({ ok: false, error: "lastAdmin" });
    const second = await createUser(db);
    expect(await changeRole({ db, actor: only, targetId: second.id, role: "ADMIN" })).toEqual({ ok: true });
    expect(await changeRole({ db, actor: only, targetId: only.id, role: "READER" })).toEqual({ ok: true });
  });

  it("finds users by part of the name or address, case-insensitively, a page at a time", async () => {
    for (let i = 0; i < USERS_PAGE_SIZE + 3; i++) await createUser(db, { name: `Seitentest ${i}`, email: `seite-${i}@example.org` });
    await createUser(db, { name: "Hannelore Suchbar", email: "h.s@beispiel.de" });
    expect((await listUsers({ db, query: "suchbar" })).users.map((u) => u.name)).toEqual(["Hannelore Suchbar"]);
    expect((await listUsers({ db, query: "BEISPIEL.DE" })).total).toBe(1);
    const first = await listUsers({ db, query: "seitentest" });
    const second = await listUsers({ db, query: "seitentest", page: 2 });
    expect([first.total, first.pages, first.users.length, second.users.length]).toEqual([USERS_PAGE_SIZE + 3, 2, USERS_PAGE_SIZE, 3]);
  });
});
