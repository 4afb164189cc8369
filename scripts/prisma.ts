/**
 * `npm run prisma -- <args>`: the Prisma CLI with our schema engine and a database.
 * Without DATABASE_URL it starts the embedded PostgreSQL under .data/ for the
 * duration of the command, so `migrate dev`, `status`, `reset` work on any machine.
 */
import { runPrismaCli } from "../lib/db/prisma-cli";
import { resolveServer } from "../lib/db/server";

const args = process.argv.slice(2);
// Commands that never touch a database need no server.
const offline = ["generate", "format", "validate", "--help", "-h", "version", "-v"].includes(args[0] ?? "--help");

let stop = async () => {};
let env: Record<string, string> = {};
if (!offline) {
  const { server, databaseUrl, embedded } = await resolveServer();
  stop = () => server.stop();
  env = { DATABASE_URL: databaseUrl };
  if (embedded) console.error(`Using the embedded PostgreSQL (${databaseUrl.replace(/:[^:@/]+@/, ":***@")}).`);
}

const code = await runPrismaCli(args, env);
await stop();
process.exit(code);
