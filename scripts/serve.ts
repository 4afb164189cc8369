import { spawn } from "node:child_process";
import { createRequire } from "node:module";

import { authSecret } from "../lib/accounts/secret";
import { SERVER_BUNDLE } from "./build-stamp";

const require = createRequire(import.meta.url);
export const NEXT_BIN = require.resolve("next/dist/bin/next");
/** The arguments of `node` that run the production server (Next.js behind the page cache, scripts/server.ts, built by buildIfNeeded). */
export function productionServerArgs(port: number | string, hostname?: string): string[] {
  // V8 lets a heap grow towards a quarter of the machine's memory before it collects in earnest;
  // on a shared host several instances would each take that. AGORA_MAX_HEAP_MB bounds it.
  const heap = Number(process.env.AGORA_MAX_HEAP_MB) || 320;
  return [`--max-old-space-size=${heap}`, SERVER_BUNDLE, "--port", String(port), ...(hostname ? ["--hostname", hostname] : [])];
}
// No anonymous telemetry calls from a self-hosted newsroom (and no network here).
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

/**
 * The environment of the Next.js server. It gets the session secret from here (generated
 * under .data/ outside production, required in production) and learns whether this is a
 * development site, which `next start` would otherwise hide by forcing NODE_ENV=production.
 */
export function serverEnv(databaseUrl: string, production: boolean): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret(),
    ...(production ? {} : { AGORA_DEVELOPMENT: "1" }),
  };
}

/**
 * Runs the production server (scripts/server.ts) or `next dev` as a child, passes SIGINT/SIGTERM on, and runs
 * cleanUp (stopping the database) exactly once before this process exits.
 */
export function serveNext(options: {
  mode: "start" | "dev";
  port: string;
  env: NodeJS.ProcessEnv;
  cleanUp: () => Promise<void>;
  onSpawn?: () => void;
}) {
  const args = options.mode === "start" ? productionServerArgs(options.port) : [NEXT_BIN, "dev", "--port", options.port];
  const child = spawn(process.execPath, args, { env: options.env, stdio: "inherit" });
  let exiting = false;
  const exit = async (code: number) => {
    if (exiting) return;
    exiting = true;
    if (child.exitCode === null) child.kill("SIGTERM");
    await options.cleanUp().catch((error) => console.error(error));
    process.exit(code);
  };
  if (options.onSpawn) child.once("spawn", options.onSpawn);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void exit(0));
  child.on("exit", (code) => void exit(code ?? 1));
}
