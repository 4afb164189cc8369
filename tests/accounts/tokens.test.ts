import { describe, expect, it } from "vitest";

import { inspectToken, issueToken, redeemToken, TOKEN_LIFETIME_MS } from "@/lib/accounts/tokens";

import { freshDatabase } from "../helpers/db";
import { createUser } from "../helpers/factories";

describe("mailed single-use links", async () => {
  const { db } = await freshDatabase();

  it("works once and then says it was used", async () => {
    const user = await createUser(db);
    const token = await issueToken(db, user.id, "RESET_PASSWORD");
    expect(await redeemToken({ db, token, purpose: "RESET_PASSWORD" })).toMatchObject({ ok: true, userId: user.id });
    expect(await redeemToken({ db, token, purpose: "RESET_PASSWORD" })).toEqual({ ok: false, reason: "used" });
  });

  it("expires after its lifetime", async () => {
    const user = await createUser(db);
    const token = await issueToken(db, user.id, "RESET_PASSWORD");
    const later = new Date(Date.now() + TOKEN_LIFETIME_MS.RESET_PASSWORD + 1000);
    expect(await redeemToken({ db, token, purpose: "RESET_PASSWORD", now: later })).toEqual({ ok: false, reason: "expired" });
  });

  it("cannot be used for another purpose, and a new link replaces the old one", async () => {
    const user = await createUser(db);
    const first = await issueToken(db, user.id, "VERIFY_EMAIL");
    expect(await inspectToken({ db, token: first, purpose: "RESET_PASSWORD" })).toEqual({ ok: false, reason: "invalid" });
    const second = await issueToken(db, user.id, "VERIFY_EMAIL");
    expect(await inspectToken({ db, token: first, purpose: "VERIFY_EMAIL" })).toEqual({ ok: false, reason: "invalid" });
    expect(await inspectToken({ db, token: second, purpose: "VERIFY_EMAIL" })).toMatchObject({ ok: true });
  });

  it("stores only a hash of the link, never the link itself", async () => {
    const user = await createUser(db);
    const token = await issueToken(db, user.id, "RESET_PASSWORD");
    const rows = await db.accountToken.findMany({ where: { userId: user.id } });
    expect(rows.map((row) => row.tokenHash)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it("is used up by exactly one of two simultaneous requests", async () => {
    const user = await createUser(db);
    const token = await issueToken(db, user.id, "RESET_PASSWORD");
    const results = await Promise.all([
      redeemToken({ db, token, purpose: "RESET_PASSWORD" }),
      redeemToken({ db, token, purpose: "RESET_PASSWORD" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });
});
