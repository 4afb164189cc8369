import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// Everything that goes into the production build.
const SOURCES = [
  "app",
  "components",
  "lib",
  "messages",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
  "scripts/server.ts",
];
const IGNORED = new Set(["generated", "schema-engine", "node_modules"]);
const STAMP = path.join(".next", "agora-build-stamp");

function walk(entry: string, files: string[]) {
  if (!existsSync(entry)) return;
  const stat = statSync(entry);
  if (!stat.isDirectory()) {
    files.push(`${entry}:${stat.size}:${stat.mtimeMs}`);
    return;
  }
  for (const name of readdirSync(entry).sort()) if (!IGNORED.has(name)) walk(path.join(entry, name), files);
}

/** A fingerprint of the sources (paths, sizes, modification times). */
export function sourceFingerprint(): string {
  const files: string[] = [];
  for (const source of SOURCES) walk(source, files);
  return createHash("sha256").update(files.join("\n")).digest("hex");
}

/** Runs `next build` unless the last build was made from the same sources. */
export async function buildIfNeeded(nextBin: string, env: NodeJS.ProcessEnv): Promise<void> {
  const fingerprint = sourceFingerprint();
  const built = existsSync(path.join(".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === fingerprint;
  if (built) return;
  console.log("Building Agora for production (first start, or the sources changed) …");
  const code = await new Promise<number>((resolve) => {
    spawn(process.execPath, [nextBin, "build"], { env, stdio: "inherit" }).on("exit", (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  await buildServer();
  writeFileSync(STAMP, fingerprint);
}

/** Where the production server (scripts/server.ts) is built to: plain JavaScript, nothing compiled at run time. */
export const SERVER_BUNDLE = path.resolve(".next", "agora-server.mjs");

/**
 * Bundles scripts/server.ts and the lib/ code it uses into one file, packages left as imports:
 * run through tsx instead, the server would carry the TypeScript compiler and a second copy of
 * those modules in its memory (about 70 MB more).
 */
export async function buildServer(): Promise<void> {
  const { build } = await import("esbuild");
  await build({
    entryPoints: ["scripts/server.ts"],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
}
