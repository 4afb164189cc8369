import { readFileSync } from "node:fs";
import path from "node:path";

/** Where the test SMTP sink (started by e2e/server.ts) drops every mail the app sends. */
export const E2E_MAILBOX = path.resolve(".data/e2e-mailbox");

/** Written by e2e/server.ts: the database the app under test uses, for checks a user cannot see. */
export const E2E_STATE_FILE = path.resolve(".data/e2e-state.json");

export function e2eDatabaseUrl(): string {
  return (JSON.parse(readFileSync(E2E_STATE_FILE, "utf8")) as { databaseUrl: string }).databaseUrl;
}
