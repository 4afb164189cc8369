/**
 * `npm test`: every check, in the order that fails fastest.
 * format → lint → type check → unit and integration tests (Vitest, real PostgreSQL) →
 * end-to-end tests (Playwright in Debian's Chromium, with axe).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

import { CHROMIUM } from "../e2e/chromium";
import { VARNISHD, XKEY_VMOD } from "../e2e/support/varnish";

function run(title: string, command: string, args: string[]): void {
  console.log(`\n━━ ${title} ━━`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`\n✗ ${title} failed.`);
    process.exit(result.status ?? 1);
  }
}

/** What the tests need from Debian: Chromium for the browser tests, Varnish with xkey for the cache in front. */
const DEBIAN_NEEDS = [
  { file: CHROMIUM, packages: ["chromium"] },
  { file: VARNISHD, packages: ["varnish"] },
  { file: XKEY_VMOD, packages: ["varnish-modules"] },
];

function ensureDebianPackages(): void {
  const missing = DEBIAN_NEEDS.filter((need) => !existsSync(need.file)).flatMap((need) => need.packages);
  if (missing.length === 0) return;
  const root = process.getuid?.() === 0;
  if (!root) {
    console.error(`Missing for the tests: ${missing.join(", ")}. Install with: sudo apt-get install -y ${missing.join(" ")}`);
    process.exit(1);
  }
  // The packages' own services are not wanted: each test starts what it needs on ports of its own.
  run(`Installing from Debian: ${missing.join(", ")}`, "bash", [
    "-c",
    `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(" ")} && (service varnish stop >/dev/null 2>&1 || true)`,
  ]);
}

ensureDebianPackages();
run("Format", "npx", ["prettier", "--check", "."]);
run("Lint (and the direction of imports)", "npm", ["run", "--silent", "lint"]);
run("Type check", "npm", ["run", "--silent", "typecheck"]);
run("Unit and integration tests", "npx", ["vitest", "run"]);
run("End-to-end tests", "npx", ["playwright", "test"]);
console.log("\n✓ All checks passed.");
