import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

// Everything that goes into the production build.
const SOURCES = ["app", "components", "lib", "messages", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
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
  writeFileSync(STAMP, fingerprint);
}
