import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string | null;
  raw: string;
}

const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((a) => a.value.map((v) => (v.address ?? "").toLowerCase()));

/** Parses a raw RFC 822 mail the way a mail client would (quoted-printable, UTF-8 subjects, …). */
export async function parseMail(raw: string): Promise<ReceivedMail> {
  const parsed = await simpleParser(raw);
  return {
    to: addresses(parsed.to),
    from: parsed.from?.text ?? "",
    subject: parsed.subject ?? "",
    text: parsed.text ?? "",
    html: typeof parsed.html === "string" ? parsed.html : null,
    raw,
  };
}

export interface SmtpSink {
  port: number;
  url: string;
  messages: ReceivedMail[];
  waitForMail(to: string, options?: { subject?: RegExp; timeoutMs?: number }): Promise<ReceivedMail>;
  stop(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 that accepts everything and keeps it: the app's mail goes
 * through nodemailer's SMTP transport exactly as in production. With `dir`, each mail is also
 * written there as .eml, for tests running in another process (Playwright).
 */
export async function startSmtpSink(options: { port?: number; dir?: string } = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  if (options.dir) mkdirSync(options.dir, { recursive: true });
  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        if (options.dir) writeFileSync(path.join(options.dir, `${Date.now()}-${randomBytes(3).toString("hex")}.eml`), raw);
        messages.push(await parseMail(raw));
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async waitForMail(to, { subject, timeoutMs = 10_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      const wanted = to.toLowerCase();
      while (Date.now() < deadline) {
        const found = messages.find((m) => m.to.includes(wanted) && (!subject || subject.test(m.subject)));
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(
        `No mail to ${to}${subject ? ` matching ${subject}` : ""} within ${timeoutMs} ms (got: ${messages.map((m) => `${m.to} "${m.subject}"`).join(", ") || "none"}).`,
      );
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
