/**
 * `npm start` (production server) and `npm run dev` (development server).
 * On a fresh clone it does everything: starts the embedded PostgreSQL when no
 * DATABASE_URL is set, applies migrations, seeds, builds when the sources changed,
 * and serves on http://localhost:$PORT (3000).
 */
import { authSecret } from "../lib/accounts/secret";
import { prepareDatabase } from "../lib/db/prepare";
import { buildIfNeeded } from "./build-stamp";
import { NEXT_BIN, serveNext, serverEnv } from "./serve";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const production = process.env.NODE_ENV === "production";

// Fail before anything starts when production lacks its session secret.
authSecret();
const { databaseUrl, stop, demoAccounts } = await prepareDatabase({ production, log: console.log });
const env = serverEnv(databaseUrl, production);
if (!dev) await buildIfNeeded(NEXT_BIN, env);

serveNext({
  mode: dev ? "dev" : "start",
  port,
  env,
  cleanUp: stop,
  onSpawn: () => {
    console.log(`\nAgora: http://localhost:${port}`);
    if (demoAccounts.length === 0) return;
    console.log("Demo accounts (not created in production):");
    for (const account of demoAccounts) console.log(`  ${account.role.padEnd(6)}  ${account.email.padEnd(20)}  ${account.password}`);
  },
});
