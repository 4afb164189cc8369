import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

/**
 * Our own schema engine (lib/db/schema-engine): Prisma's CLI would otherwise download
 * a native engine binary at install, which cannot reach its host here.
 */
export const SCHEMA_ENGINE = path.resolve(process.cwd(), "lib/db/schema-engine/engine.mjs");

/** The environment every Prisma CLI call needs: our engine, and no network calls home. */
export function prismaCliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: SCHEMA_ENGINE,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    ...extra,
  };
}

/** Runs the Prisma CLI with the given arguments; resolves with its exit code. */
export function runPrismaCli(args: string[], extraEnv: Record<string, string> = {}): Promise<number> {
  const cli = require.resolve("prisma/build/index.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env: prismaCliEnv(extraEnv), stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}
