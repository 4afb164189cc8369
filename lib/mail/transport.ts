import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
}

export interface StoredMail extends Required<Pick<OutgoingMail, "to" | "subject" | "text">> {
  id: string;
  from: string;
  html: string | null;
  date: string;
}

export function mailMode(): "smtp" | "outbox" {
  return process.env.SMTP_URL ? "smtp" : "outbox";
}

export function outboxDir(): string {
  return path.resolve(process.env.AGORA_OUTBOX_DIR ?? path.join(process.cwd(), ".data", "outbox"));
}

const fromAddress = () => process.env.MAIL_FROM ?? "Agora <no-reply@agora.local>";

// One pooled transporter per SMTP_URL; tests and restarts may point it elsewhere.
const transporters = new Map<string, Transporter>();

function transporter(url: string): Transporter {
  let existing = transporters.get(url);
  if (!existing) {
    existing = nodemailer.createTransport(url);
    transporters.set(url, existing);
  }
  return existing;
}

/**
 * Sends a mail over SMTP_URL, or, without it (development), writes it to the outbox folder
 * where a developer reads it at /dev/outbox. SMTP errors reach the caller, naming the recipient.
 */
export async function sendMail(message: OutgoingMail): Promise<void> {
  const url = process.env.SMTP_URL;
  if (url) {
    try {
      await transporter(url).sendMail({ from: fromAddress(), ...message });
    } catch (error) {
      throw new Error(`Sending mail to ${message.to} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    return;
  }
  const date = new Date();
  const id = `${date.toISOString().replace(/:/g, "-")}-${randomBytes(4).toString("hex")}`;
  const stored: StoredMail = {
    id,
    from: fromAddress(),
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html ?? null,
    date: date.toISOString(),
  };
  const dir = outboxDir();
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${id}.json`);
  await writeFile(file, JSON.stringify(stored, null, 2));
  console.info(`Mail to ${message.to} → ${path.relative(process.cwd(), file)} (no SMTP_URL set)`);
}
