import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { listOutbox, readOutboxMail } from "@/lib/mail/outbox";
import { sendMail } from "@/lib/mail/transport";

import { startSmtpSink, type SmtpSink } from "../helpers/smtp-sink";

const saved = { SMTP_URL: process.env.SMTP_URL, AGORA_OUTBOX_DIR: process.env.AGORA_OUTBOX_DIR };
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe("sending mail over SMTP", () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(() => sink.stop());

  it("delivers subject and text intact, umlauts and long links included", async () => {
    process.env.SMTP_URL = sink.url;
    const link = `https://agora.example/passwort-zuruecksetzen?token=${"a1B2-c3D4_".repeat(14)}`;
    await sendMail({
      to: "juergen@example.org",
      subject: "Grüße aus der Redaktion – „Prüfung“",
      text: `Hallo Jürgen,\n\n${link}\n\nÄußerst wichtig.`,
    });
    const mail = await sink.waitForMail("juergen@example.org");
    expect(mail.subject).toBe("Grüße aus der Redaktion – „Prüfung“");
    expect(mail.text).toContain("Hallo Jürgen,");
    expect(mail.text).toContain("Äußerst wichtig.");
    expect(mail.text).toContain(link);
    expect(mail.from).toContain("no-reply@agora.local");
  });

  it("fails loudly, naming the recipient, when the server cannot be reached", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:9";
    await expect(sendMail({ to: "niemand@example.org", subject: "x", text: "y" })).rejects.toThrow(/niemand@example\.org/);
  });
});

describe("the development outbox without SMTP_URL", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "agora-outbox-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("keeps every mail as a file and lists the newest first", async () => {
    delete process.env.SMTP_URL;
    process.env.AGORA_OUTBOX_DIR = dir;
    await sendMail({ to: "erste@example.org", subject: "Erste", text: "1" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await sendMail({ to: "zweite@example.org", subject: "Zweite", text: "2" });
    const mails = await listOutbox();
    expect(mails.map((m) => m.subject)).toEqual(["Zweite", "Erste"]);
    expect(await readOutboxMail(mails[0]!.id)).toMatchObject({ to: "zweite@example.org", text: "2" });
  });

  it("refuses ids that try to leave the outbox", async () => {
    process.env.AGORA_OUTBOX_DIR = dir;
    expect(await readOutboxMail("../../etc/passwd")).toBeNull();
  });
});
