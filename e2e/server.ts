/**
 * The app under test: a fresh database (on DATABASE_URL's server, or an embedded
 * cluster under .data/e2e-postgres), migrated and seeded as on a first start, then
 * the production build served on $PORT. The database is dropped when Playwright stops us.
 */
import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import path from "node:path";

import { createPrismaClient } from "../lib/db/client";
import { prepareDatabase } from "../lib/db/prepare";
import { scratchServer } from "../lib/db/server";
import { buildIfNeeded } from "../scripts/build-stamp";
import { NEXT_BIN, serveNext, serverEnv } from "../scripts/serve";
import { dropDatabase } from "../tests/helpers/postgres";
import { startSmtpSink } from "../tests/helpers/smtp-sink";
import { E2E_MAILBOX, E2E_STATE_FILE } from "./support/app";

const server = await scratchServer(".data/e2e-postgres");
const database = `agora_e2e_${randomBytes(5).toString("hex")}`;
process.env.DATABASE_URL = server.url(database);

const prepared = await prepareDatabase({ production: false, log: console.log });
// Playwright fills and sends a form within milliseconds, which the bot rule (minimum time from
// page load to submit) would file as spam; the rule is covered by unit and integration tests.
const settingsDb = createPrismaClient(prepared.databaseUrl);
await settingsDb.setting.upsert({
  where: { key: "minSubmitSeconds" },
  create: { key: "minSubmitSeconds", value: 0 },
  update: { value: 0 },
});
await settingsDb.$disconnect();
// Mail goes over real SMTP to a local sink; tests read what arrived from its folder.
await rm(E2E_MAILBOX, { recursive: true, force: true });
const sink = await startSmtpSink({ dir: E2E_MAILBOX });
await writeFile(E2E_STATE_FILE, JSON.stringify({ databaseUrl: prepared.databaseUrl }));
// Uploaded images go to a folder of their own, emptied on every run.
const uploads = path.resolve(".data/e2e-uploads");
await rm(uploads, { recursive: true, force: true });
// Tests that sign in or up often give themselves a client address of their own with X-Forwarded-For,
// acting as a proxy on loopback, so that their attempts stay out of the per-IP limits the others share.
const env = {
  ...serverEnv(prepared.databaseUrl, false),
  SMTP_URL: sink.url,
  AGORA_UPLOAD_DIR: uploads,
  AGORA_TRUSTED_PROXIES: "127.0.0.1, ::1",
};
await buildIfNeeded(NEXT_BIN, env);

serveNext({
  mode: "start",
  port: process.env.PORT ?? "3100",
  env,
  cleanUp: async () => {
    await sink.stop();
    await dropDatabase(server.url("postgres"), database);
    await server.stop();
  },
});
