/**
 * The authorisation matrix (authz-matrix.ts), proved against the production server: every row is
 * called directly over HTTP — server actions with React's own encoding, route handlers and pages
 * with plain requests — as a signed-out visitor, the reader, another reader, an editor and an admin.
 * An allowed cell must show its effect in the database (or in the answer); a refused cell must leave
 * the database exactly as it was and show nothing. How: authz-harness.ts and authz-probes.ts.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

import { serverActions } from "../support/server-actions";
import { closeScene, openScene, runCell, type Observed } from "./authz-harness";
import { AUTHZ_MATRIX, PUBLIC_FILES, ROLES, type MatrixRow, type Role, type RowId } from "./authz-matrix";
import { arrangeShared, PROBES, removeFixtures } from "./authz-probes";

test.describe.configure({ timeout: 90_000 });

test.beforeAll(async ({ playwright }, testInfo) => {
  test.setTimeout(120_000);
  await openScene(playwright, testInfo.project.use.baseURL!);
  await arrangeShared();
});

test.afterAll(async () => {
  await removeFixtures();
  await closeScene();
});

const ROLE_NAMES: Record<Role, string> = {
  anonymous: "a signed-out visitor",
  reader: "the reader",
  otherReader: "another reader",
  editor: "an editor",
  admin: "an admin",
};

function title(row: MatrixRow): string {
  const allowed = ROLES.filter((role) => row.cells[role] === "allowed");
  if (allowed.length === ROLES.length) return `${row.attempt}: anyone may`;
  if (allowed.length === 0) return `${row.attempt}: nobody may`;
  return `${row.attempt}: only ${allowed
    .map((role) => ROLE_NAMES[role])
    .join(", ")
    .replace(/, ([^,]*)$/, " and $1")} may`;
}

function called(row: MatrixRow): string {
  const target = row.target;
  return target.kind === "action"
    ? `${target.name} in ${target.file}`
    : target.kind === "route"
      ? `${target.method} ${target.path}`
      : `page ${target.path}`;
}

for (const [id, row] of Object.entries(AUTHZ_MATRIX) as Array<[RowId, MatrixRow]>) {
  test(title(row), async () => {
    const probe = PROBES[id];
    const observed = {} as Record<Role, Observed>;
    try {
      for (const role of ROLES) observed[role] = await test.step(`${ROLE_NAMES[role]}: ${row.cells[role]}`, () => runCell(probe, role));
    } finally {
      await probe.finish?.();
    }
    expect(observed, `${id}: ${called(row)} — allowed: ${row.effect}; refused: ${row.refusal}`).toEqual(row.cells);
  });
}

test("the matrix has a row for every server action, every route handler that is not public, and every protected page", () => {
  const rows = Object.values(AUTHZ_MATRIX) as MatrixRow[];
  const covered = new Set(rows.map((row) => (row.target.kind === "action" ? `${row.target.file}#${row.target.name}` : row.target.file)));
  const files = (readdirSync("app", { recursive: true }) as string[]).map((file) => `app/${file.split(path.sep).join("/")}`);
  const routes = files.filter((file) => file.endsWith("/route.ts"));
  const pages = files.filter((file) => file.endsWith("/page.tsx") && /^app\/(admin|moderation|\(account\)\/konto)\//.test(file));
  const missing = [...serverActions().keys(), ...routes, ...pages].filter((target) => !covered.has(target) && !(target in PUBLIC_FILES));
  expect(missing).toEqual([]);
});
