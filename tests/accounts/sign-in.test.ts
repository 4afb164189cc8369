import * as argon2 from "@node-rs/argon2";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { authorizeCredentials } from "@/lib/accounts/credentials";

import { freshDatabase } from "../helpers/db";
import { createUser, TEST_PASSWORD } from "../helpers/factories";

// The real argon2, counted: the work a refusal costs is what its timing could give away.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...real, verify: vi.fn(real.verify) };
});

describe("password sign-in", async () => {
  const { db } = await freshDatabase();
  beforeEach(() => {
    vi.mocked(argon2.verify).mockClear();
  });

  it("signs in with the right password", async () => {
    const user = await createUser(db, { email: "richtig@example.org" });
    expect(await authorizeCredentials({ email: "richtig@example.org", password: TEST_PASSWORD })).toMatchObject({
      id: user.id,
      email: "richtig@example.org",
    });
  });

  it("refuses an unknown address after the same password check a wrong password gets", async () => {
    await createUser(db, { email: "bekannt@example.org" });
    expect(await authorizeCredentials({ email: "bekannt@example.org", password: "falsch geraten 123" })).toBeNull();
    expect(argon2.verify).toHaveBeenCalledTimes(1);

    expect(await authorizeCredentials({ email: "unbekannt@example.org", password: "falsch geraten 123" })).toBeNull();
    expect(argon2.verify).toHaveBeenCalledTimes(2);
  });

  it("refuses an account without a password (GitHub, Google, WordPress import) the same way", async () => {
    await createUser(db, { email: "ohne-passwort@example.org", passwordHash: null });
    expect(await authorizeCredentials({ email: "ohne-passwort@example.org", password: "irgendein Passwort" })).toBeNull();
    expect(argon2.verify).toHaveBeenCalledTimes(1);
  });

  it("refuses an account whose address is not confirmed yet, right password or not", async () => {
    await createUser(db, { email: "neu@example.org", emailVerified: null });
    expect(await authorizeCredentials({ email: "neu@example.org", password: TEST_PASSWORD })).toBeNull();
    expect(await authorizeCredentials({ email: "neu@example.org", password: "falsch geraten 123" })).toBeNull();
  });
});
