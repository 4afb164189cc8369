/**
 * `npm test`: every check, in the order that fails fastest.
 * lint → type check → unit and integration tests (Vitest, real PostgreSQL) →
 * end-to-end tests (Playwright in Debian's Chromium, with axe).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { CHROMIUM } from "../e2e/chromium";

function run(title: string, command: string, args: string[]): void {
  console.log(`\n━━ ${title} ━━`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`\n✗ ${title} failed.`);
    process.exit(result.status ?? 1);
  }
}

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const root = process.getuid?.() === 0;
  if (!root) {
    console.error(`Chromium is missing at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium`);
    process.exit(1);
  }
  run("Installing Debian's Chromium for the browser tests", "bash", ["-c", "apt-get update -qq && apt-get install -y -qq chromium"]);
}

ensureChromium();
run("Lint", "npx", ["eslint", "."]);
run("Type check", "npm", ["run", "--silent", "typecheck"]);
run("Unit and integration tests", "npx", ["vitest", "run"]);
run("End-to-end tests", "npx", ["playwright", "test"]);
console.log("\n✓ All checks passed.");
