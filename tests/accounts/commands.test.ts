import * as argon2 from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import {
  changePassword,
  confirmAccountLink,
  registerUser,
  requestEmailChange,
  requestPasswordReset,
  resetPassword,
} from "@/lib/accounts/commands";
import { verifyPassword } from "@/lib/accounts/password";

import { freshDatabase } from "../helpers/db";
import { createUser, TEST_PASSWORD } from "../helpers/factories";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";

const ORIGIN = "http://agora.test";

// The real argon2, counted: how much work an answer costs is what its timing could give away.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...real, hash: vi.fn(real.hash) };
});

/** The token from the one link in a mail's text. */
function tokenFrom(text: string): string {
  const match = text.match(/https?:\/\/\S+[?&]token=([\w-]+)/);
  if (!match) throw new Error(`no link in mail:\n${text}`);
  return match[1]!;
}

describe("account commands, with mail through a real SMTP sink", async () => {
  const { db } = await freshDatabase();
  let sink: SmtpSink;
  const previousSmtp = process.env.SMTP_URL;

  beforeAll(async () => {
    sink = await startSmtpSink();
    process.env.SMTP_URL = sink.url;
  });
  afterAll(async () => {
    process.env.SMTP_URL = previousSmtp;
    await sink.stop();
  });

  it("a new account is unverified until its owner follows the mailed link", async () => {
    const result = await registerUser({
      db,
      input: { name: "Paula Probe", email: "paula@example.org", password: "Kastanienallee 12b", locale: "de" },
      origin: ORIGIN,
    });
    expect(result).toMatchObject({ ok: true, mailSent: true });
    const user = await db.user.findUniqueOrThrow({ where: { email: "paula@example.org" } });
    expect(user.emailVerified).toBeNull();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);

    const mail = await sink.waitForMail("paula@example.org", { subject: /bestätige deine E-Mail-Adresse/ });
    expect(mail.text).toContain("Hallo Paula Probe,");
    expect(mail.text).toContain(`${ORIGIN}/konto/bestaetigen?token=`);
    expect(await confirmAccountLink({ db, token: tokenFrom(mail.text) })).toEqual({ ok: true, purpose: "VERIFY_EMAIL" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerified).toBeInstanceOf(Date);
  });

  it("a taken address gets the same answer, no second account, and its owner a notice instead", async () => {
    const owner = await createUser(db, { name: "Olga Owner", email: "doppelt@example.org" });
    const before = await db.user.count();
    vi.mocked(argon2.hash).mockClear();

    const taken = await registerUser({
      db,
      input: { name: "Noch Jemand", email: "doppelt@example.org", password: "Kastanienallee 12b", locale: "de" },
      origin: ORIGIN,
    });
    const fresh = await registerUser({
      db,
      input: { name: "Neu Hier", email: "frisch@example.org", password: "Kastanienallee 12b", locale: "de" },
      origin: ORIGIN,
    });
    expect(taken).toEqual(fresh);
    expect(taken).toEqual({ ok: true, mailSent: true });
    // Both paths hash the password, so neither answers noticeably sooner.
    expect(argon2.hash).toHaveBeenCalledTimes(2);

    expect(await db.user.count()).toBe(before + 1);
    expect(await db.user.findUniqueOrThrow({ where: { email: "doppelt@example.org" } })).toEqual(owner);
    expect(await db.accountToken.count({ where: { userId: owner.id } })).toBe(0);

    const notice = await sink.waitForMail("doppelt@example.org", { subject: /registrieren/ });
    expect(notice.subject).toBe("Jemand wollte sich mit deiner E-Mail-Adresse registrieren");
    expect(notice.text).toContain("Hallo Olga Owner,");
    expect(notice.text).toContain(`${ORIGIN}/anmelden`);
    expect(notice.text).toContain(`${ORIGIN}/passwort-vergessen`);
    expect(notice.text).not.toContain("Noch Jemand");
    expect(sink.messages.filter((mail) => mail.to.includes("doppelt@example.org"))).toHaveLength(1);
  });

  it("the notice speaks the owner's language, whatever the form's", async () => {
    await createUser(db, { name: "Emma English", email: "emma@example.org", locale: "en" });
    await registerUser({
      db,
      input: { name: "Jemand", email: "emma@example.org", password: "Kastanienallee 12b", locale: "de" },
      origin: ORIGIN,
    });
    const notice = await sink.waitForMail("emma@example.org");
    expect(notice.subject).toBe("Someone tried to sign up with your e-mail address");
    expect(notice.text).toContain("Hello Emma English,");
  });

  it("two sign-ups for one new address at once make one account; the other is answered as taken", async () => {
    // Each hash waits for the other, so both look the address up before either has created it.
    const real = await vi.importActual<typeof argon2>("@node-rs/argon2");
    const hashed: Array<() => void> = [];
    const heldHash: typeof real.hash = async (...args) => {
      const hash = await real.hash(...args);
      await new Promise<void>((resolve) => {
        hashed.push(resolve);
        if (hashed.length === 2) hashed.forEach((release) => release());
      });
      return hash;
    };
    vi.mocked(argon2.hash).mockImplementationOnce(heldHash).mockImplementationOnce(heldHash);

    const input = { name: "Zwilling", email: "zugleich@example.org", password: "Kastanienallee 12b", locale: "de" };
    const answers = await Promise.all([registerUser({ db, input, origin: ORIGIN }), registerUser({ db, input, origin: ORIGIN })]);
    expect(answers).toEqual([
      { ok: true, mailSent: true },
      { ok: true, mailSent: true },
    ]);
    expect(await db.user.count({ where: { email: "zugleich@example.org" } })).toBe(1);
    await sink.waitForMail("zugleich@example.org", { subject: /bestätige deine E-Mail-Adresse/ });
    await sink.waitForMail("zugleich@example.org", { subject: /registrieren/ });
  });

  it("mails in the account's language", async () => {
    await registerUser({
      db,
      input: { name: "Eve English", email: "eve@example.org", password: "Chestnut avenue 12b", locale: "en" },
      origin: ORIGIN,
    });
    const mail = await sink.waitForMail("eve@example.org");
    expect(mail.subject).toBe("Please confirm your e-mail address");
    expect(mail.text).toContain("Hello Eve English,");
  });

  it("a password reset link sets a new password once and ends older sessions", async () => {
    const user = await createUser(db, { email: "vergesslich@example.org" });
    await requestPasswordReset({ db, email: "vergesslich@example.org", origin: ORIGIN });
    const mail = await sink.waitForMail("vergesslich@example.org", { subject: /neues Passwort/ });
    const token = tokenFrom(mail.text);
    expect(mail.text).toContain(`${ORIGIN}/passwort-zuruecksetzen?token=`);

    expect(await resetPassword({ db, token, password: "password123" })).toEqual({
      ok: false,
      error: "passwordTooCommon",
      field: "password",
    });
    expect(await resetPassword({ db, token, password: "Neuer Morgen am Hafen" })).toEqual({ ok: true, email: "vergesslich@example.org" });
    const updated = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(updated.passwordHash!, "Neuer Morgen am Hafen")).toBe(true);
    expect(updated.sessionVersion).toBe(user.sessionVersion + 1);
    expect(await resetPassword({ db, token, password: "Noch ein anderes Passwort" })).toEqual({ ok: false, error: "used" });
  });

  it("a reset request for an unknown address sends nothing and reveals nothing", async () => {
    const before = sink.messages.length;
    await expect(requestPasswordReset({ db, email: "niemand@example.org", origin: ORIGIN })).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink.messages.length).toBe(before);
  });

  it("a new e-mail address counts only after its owner confirms it", async () => {
    const user = await createUser(db, { email: "alt@example.org" });
    expect(await requestEmailChange({ db, user, newEmail: "neu@example.org", origin: ORIGIN })).toEqual({ ok: true, mailSent: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe("alt@example.org");
    const mail = await sink.waitForMail("neu@example.org", { subject: /neue E-Mail-Adresse/ });
    expect(await confirmAccountLink({ db, token: tokenFrom(mail.text) })).toEqual({ ok: true, purpose: "CHANGE_EMAIL" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe("neu@example.org");
  });

  it("changing the password needs the current one and ends other sessions", async () => {
    const user = await createUser(db);
    expect(await changePassword({ db, userId: user.id, currentPassword: "falsch geraten!!", newPassword: "Ganz neues Passwort" })).toEqual({
      ok: false,
      error: "currentPasswordWrong",
      field: "currentPassword",
    });
    expect(await changePassword({ db, userId: user.id, currentPassword: TEST_PASSWORD, newPassword: "Ganz neues Passwort" })).toEqual({
      ok: true,
      email: user.email,
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(1);
  });
});
