import { describe, expect, it } from "vitest";

import { may, PERMISSIONS, rolesWith, type Permission } from "@/lib/accounts/permissions";

const ALL = Object.keys(PERMISSIONS) as Permission[];
const reader = { role: "READER" } as const;
const editor = { role: "EDITOR" } as const;
const admin = { role: "ADMIN" } as const;

describe("the permission table", () => {
  it("a signed-out visitor may nothing", () => {
    for (const permission of ALL) {
      expect(may(null, permission)).toBe(false);
      expect(may(undefined, permission)).toBe(false);
    }
  });

  it("a reader holds none of the newsroom's permissions", () => {
    expect(ALL.filter((permission) => may(reader, permission))).toEqual([]);
  });

  it("an editor moderates comments, restricts readers and reads the log, but does not publish or administer", () => {
    for (const permission of ["comments.moderate", "comments.speakForNewsroom", "moderation.log", "people.restrict"] as const) {
      expect(may(editor, permission)).toBe(true);
    }
    for (const permission of [
      "articles.publish",
      "sections.manage",
      "settings.manage",
      "users.manage",
      "content.import",
      "people.restrictEditors",
    ] as const) {
      expect(may(editor, permission)).toBe(false);
    }
  });

  it("an admin may everything", () => {
    expect(ALL.filter((permission) => !may(admin, permission))).toEqual([]);
  });

  it("a role the table does not know may nothing", () => {
    expect(ALL.filter((permission) => may({ role: "GUEST" }, permission))).toEqual([]);
  });

  it("rolesWith names exactly the roles may() allows", () => {
    expect(rolesWith("comments.moderate")).toEqual(["EDITOR", "ADMIN"]);
    expect(rolesWith("articles.publish")).toEqual(["ADMIN"]);
    for (const permission of ALL) {
      const roles = rolesWith(permission);
      for (const actor of [reader, editor, admin]) expect(may(actor, permission)).toBe(roles.includes(actor.role));
    }
  });

  it("rolesWith hands out a copy, so a caller cannot change the table", () => {
    rolesWith("users.manage").push("READER");
    expect(may(reader, "users.manage")).toBe(false);
  });
});
