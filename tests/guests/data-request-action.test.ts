import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import type { Db } from "@/lib/db/client";
import type { FormState } from "@/lib/forms/state";

import { freshDatabase } from "../helpers/db";
import { createGuest } from "../helpers/factories";
import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";

// The action runs outside Next.js: the request's headers and `after` are what the test gives it.
const request = vi.hoisted(() => ({ peer: "198.51.100.7", later: [] as Array<() => Promise<unknown>> }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-agora-peer": request.peer, host: "agora.example" }) }));
vi.mock("next/server", () => ({ after: (task: () => Promise<unknown>) => request.later.push(task) }));
vi.mock("@/lib/accounts/session", () => ({ getCurrentUser: async () => null }));

const { requestGuestDataAction } = await import("@/actions/guest-data");

let db: Db;
let sink: SmtpSink;
const previousSmtp = process.env.SMTP_URL;
beforeAll(async () => {
  ({ db } = await freshDatabase());
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
});
afterAll(async () => {
  process.env.SMTP_URL = previousSmtp;
  await sink.stop();
});
beforeEach(() => {
  request.later = [];
});

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
const START: FormState = { ok: false };
const ask = (email: string, intent = "export") => requestGuestDataAction(START, form({ email, intent }));
/** Runs what the action left for after its answer (the link and the mail). */
const afterTheAnswer = () => Promise.all(request.later.map((task) => task().catch(() => undefined)));

describe("the guest data form", () => {
  it("answers a known and an unknown address alike, and only the known one gets a link", async () => {
    request.peer = "198.51.100.1";
    const guest = await createGuest(db);
    const known = await ask(guest.email);
    const unknown = await ask("unbekannt@example.org");
    const { messageValues: _k, values: _kv, ...knownRest } = known;
    const { messageValues: _u, values: _uv, ...unknownRest } = unknown;
    expect(knownRest).toEqual({ ok: true, message: "requestSent" });
    expect(unknownRest).toEqual(knownRest);
    await afterTheAnswer();
    expect(await db.guestToken.count({ where: { guestId: guest.id, purpose: "EXPORT_DATA" } })).toBe(1);
    expect((await sink.waitForMail(guest.email)).text).toContain("https://agora.example/gast/daten?token=");
    expect(sink.messages.some((mail) => mail.to.includes("unbekannt@example.org"))).toBe(false);
  });

  it("keeps what was typed when the address or the choice is wrong", async () => {
    request.peer = "198.51.100.2";
    expect(await ask("kein-at-zeichen", "export")).toMatchObject({
      ok: false,
      fieldErrors: { email: "emailInvalid" },
      values: { email: "kein-at-zeichen", intent: "export" },
    });
    expect(await ask("gast@example.org", "")).toMatchObject({ ok: false, fieldErrors: { intent: "guestDataIntentMissing" } });
  });

  it("limits requests per address (three an hour), whoever asks", async () => {
    const guest = await createGuest(db);
    for (const [i, peer] of ["198.51.100.10", "198.51.100.11", "198.51.100.12"].entries()) {
      request.peer = peer;
      expect((await ask(guest.email, i % 2 ? "delete" : "export")).ok).toBe(true);
    }
    request.peer = "198.51.100.13";
    expect(await ask(guest.email)).toMatchObject({ ok: false, message: "rateLimited" });
  });

  it("limits requests per client address (ten an hour), whatever addresses it names", async () => {
    request.peer = "198.51.100.20";
    for (let i = 0; i < 10; i++) expect((await ask(`jemand-${i}@example.org`)).ok).toBe(true);
    expect(await ask("noch-jemand@example.org")).toMatchObject({ ok: false, message: "rateLimited" });
  });
});
