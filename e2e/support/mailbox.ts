import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { parseMail, type ReceivedMail } from "../../tests/helpers/smtp-sink";

/**
 * Waits for a mail the app sent through the SMTP sink of e2e/server.ts, which drops every
 * mail into `dir` as <epoch-ms>-<random>.eml.
 */
export async function waitForMail(
  dir: string,
  to: string,
  { subject, timeoutMs = 15_000, since = 0 }: { subject?: RegExp; timeoutMs?: number; since?: number } = {},
): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  const wanted = to.toLowerCase();
  while (Date.now() < deadline) {
    const files = (await readdir(dir).catch(() => [] as string[]))
      .filter((f) => f.endsWith(".eml") && Number(f.split("-")[0]) >= since)
      .sort();
    for (const file of files) {
      const mail = await parseMail(await readFile(path.join(dir, file), "utf8"));
      if (mail.to.includes(wanted) && (!subject || subject.test(mail.subject))) return mail;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`No mail to ${to}${subject ? ` matching ${subject}` : ""} arrived in ${dir} within ${timeoutMs} ms.`);
}

/** The first link in the mail's text whose path starts with pathPrefix. */
export function firstLink(mail: ReceivedMail, pathPrefix: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => new URL(url).pathname.startsWith(pathPrefix));
  if (!link) throw new Error(`No link to ${pathPrefix} in the mail "${mail.subject}":\n${mail.text}`);
  return link;
}
