import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

import { outboxDir, type StoredMail } from "./transport";

const ID_PATTERN = /^[\w.-]+$/;

/** The development outbox, newest first; unreadable files are skipped. */
export async function listOutbox(limit = 50): Promise<StoredMail[]> {
  const files = await readdir(outboxDir()).catch(() => [] as string[]);
  const newest = files
    .filter((file) => file.endsWith(".json"))
    .sort()
    .reverse()
    .slice(0, limit);
  const mails = await Promise.all(newest.map((file) => readOutboxMail(file.slice(0, -".json".length))));
  return mails.filter((mail): mail is StoredMail => mail !== null);
}

/** One stored mail by id; ids are file names, so anything path-like is refused. */
export async function readOutboxMail(id: string): Promise<StoredMail | null> {
  if (!ID_PATTERN.test(id) || id.includes("..")) return null;
  try {
    return JSON.parse(await readFile(path.join(outboxDir(), `${id}.json`), "utf8")) as StoredMail;
  } catch {
    return null;
  }
}
