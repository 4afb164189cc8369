/**
 * `npm run import:wordpress -- export.xml [--actor editor@example.org]`: imports a WordPress
 * export (Tools → Export → All content) into the database of DATABASE_URL, or without it into
 * the embedded PostgreSQL under .data/ that `npm start` uses. Safe to repeat: a second run
 * updates what the first imported. With --actor the import is recorded in the audit trail.
 */
import { readFile } from "node:fs/promises";

import { createPrismaClient } from "../lib/db/client";
import { prepareDatabase } from "../lib/db/prepare";
import { importWordPress } from "../lib/import/wordpress/import";
import { parseWxr, WxrFormatError, type WxrExport } from "../lib/import/wordpress/parse";
import type { ImportEntry, ImportReport } from "../lib/import/wordpress/report";

const USAGE = "Usage: npm run import:wordpress -- <export.xml> [--actor <e-mail of an editor or admin>]";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parseArgs(args: string[]): { file: string; actorEmail: string | null } {
  let file: string | null = null;
  let actorEmail: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else if (arg === "--actor") actorEmail = args[++i] ?? fail(USAGE);
    else if (arg.startsWith("--actor=")) actorEmail = arg.slice("--actor=".length);
    else if (!arg.startsWith("-") && file === null) file = arg;
    else fail(`Unknown argument: ${arg}\n${USAGE}`);
  }
  return { file: file ?? fail(USAGE), actorEmail };
}

function describeEntry(entry: ImportEntry): string {
  const what = entry.kind === "comment" ? `comment ${entry.id} on post ${entry.postId ?? "?"}` : `${entry.kind} ${entry.id}`;
  const title = entry.title ? ` “${entry.title}”` : "";
  const detail = entry.detail ? `: ${entry.detail}` : "";
  return `  ${entry.reason.padEnd(18)} ${what}${title}${detail}`;
}

function printReport(report: ImportReport): void {
  const { articles, comments, sections, tags, authors } = report;
  console.log(`
Articles:  ${articles.created} created, ${articles.updated} updated
Comments:  ${comments.created} created, ${comments.updated} updated (of these ${comments.pending} pending, ${comments.spam} spam)
Sections:  ${sections.created} created, ${sections.matched} existing
Tags:      ${tags.created} created, ${tags.matched} existing
Authors:   ${authors.created} created (without password), ${authors.matched} matched to existing accounts`);
  if (report.skipped.length) console.log(`\nSkipped (${report.skipped.length}):\n${report.skipped.map(describeEntry).join("\n")}`);
  if (report.notes.length) console.log(`\nNotes (${report.notes.length}):\n${report.notes.map(describeEntry).join("\n")}`);
}

const { file, actorEmail } = parseArgs(process.argv.slice(2));
const xml = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => fail(`Cannot read ${file}: ${error.message}`));

// Check the file before a database is started for it.
let wxr: WxrExport;
try {
  wxr = parseWxr(xml);
} catch (error) {
  if (error instanceof WxrFormatError) fail(error.message);
  throw error;
}
console.log(`WordPress export of ${wxr.site.title || wxr.site.link}: ${wxr.posts.length} posts, ${wxr.skipped.length} other items.`);

const { databaseUrl, stop } = await prepareDatabase({ production: process.env.NODE_ENV === "production", log: console.error });
const db = createPrismaClient(databaseUrl);
let exitCode = 0;
try {
  let actorId: string | undefined;
  if (actorEmail) {
    const actor = await db.user.findFirst({
      where: { email: { equals: actorEmail, mode: "insensitive" }, role: { in: ["EDITOR", "ADMIN"] } },
    });
    if (!actor) throw new Error(`No editor or admin account with the e-mail ${actorEmail}.`);
    actorId = actor.id;
  }
  const report = await importWordPress({ db, xml: wxr, actorId });
  printReport(report);
  if (report.skipped.some((entry) => entry.reason === "failed")) {
    console.error("\nSome posts failed to import (see “failed” above); the rest were imported. Running the import again retries them.");
    exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  await db.$disconnect();
  await stop();
}
process.exit(exitCode);
