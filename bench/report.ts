import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";

export function percentile(sorted: number[], p: number) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}
export const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
export const kb = (bytes: number) => `${round(bytes / 1024, 1)} KB`;
export const mib = (bytes: number) => round(bytes / 2 ** 20, 0);

/** What machine and database a result comes from. */
export const machine = (embedded: boolean) => ({
  cpus: os.cpus().length,
  model: os.cpus()[0]?.model,
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  database: embedded ? "embedded" : "DATABASE_URL",
});

/** Writes bench/results/<name>.json and <name>.md and prints the Markdown. */
export function writeResults(name: string, results: object, markdown: string) {
  mkdirSync("bench/results", { recursive: true });
  writeFileSync(`bench/results/${name}.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(`bench/results/${name}.md`, markdown);
  console.log(`\n${markdown}`);
}
