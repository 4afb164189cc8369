/**
 * How authz.spec.ts calls a cell of the matrix and sees what it did: one signed-in session per role
 * (signed in through the sign-in action itself), calls straight to the production server, and two
 * kinds of probe — a change seen in the database, or what an answer shows.
 */
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { expect, type APIRequestContext, type PlaywrightWorkerArgs } from "@playwright/test";

import { createPrismaClient, type Db, type Prisma } from "../../lib/db/client";
import { createAccount } from "../support/accounts";
import { e2eDatabaseUrl } from "../support/app";
import { callServerAction, serverAction, type ActionAnswer } from "../support/server-actions";
import { ACCOUNT_ROLE, ROLES, type Cell, type Role } from "./authz-matrix";

export type Person = Awaited<ReturnType<typeof createAccount>>;
export type Caller = { role: Role; person: Person | null; request: APIRequestContext };
/** What a cell showed: the table's word for it, or what happened instead. */
export type Observed = Cell | string;
/** Whose session calls: the role's own (shared by the rows), a copy (the call changes its cookies), or a new account's (the call ends or deletes it). */
export type Session = "shared" | "copy" | { fresh: { verified?: boolean } };
export type Probe = { session?: Session; run: (caller: Caller) => Promise<Observed>; finish?: () => Promise<void> };
type StorageState = Awaited<ReturnType<APIRequestContext["storageState"]>>;

/** The people of the matrix (and a bystander whose things nobody owns), their sessions, the database. */
export const scene = {
  db: undefined as unknown as Db,
  origin: "",
  newContext: undefined as unknown as (storageState?: StorageState) => Promise<APIRequestContext>,
  people: {} as Record<Exclude<Role, "anonymous"> | "bystander", Person>,
  callers: {} as Record<Role, Caller>,
};

// This file signs in and up far more often than a person would: a client address of its own (the app
// under test trusts X-Forwarded-For from loopback, e2e/server.ts) keeps those attempts out of the
// per-address limits the other browser tests share.
const CLIENT_ADDRESS = `203.0.113.${1 + Math.floor(Math.random() * 254)}`;

export async function openScene(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string) {
  scene.origin = new URL(baseURL).origin;
  scene.newContext = (storageState) =>
    playwright.request.newContext({ baseURL: scene.origin, extraHTTPHeaders: { "x-forwarded-for": CLIENT_ADDRESS }, storageState });
  scene.db = createPrismaClient(e2eDatabaseUrl());
  const { people } = scene;
  people.reader = await createAccount("READER", "Rita Leserin");
  people.otherReader = await createAccount("READER", "Otto Leser");
  people.editor = await createAccount("EDITOR", "Erna Redakteurin");
  people.admin = await createAccount("ADMIN", "Anton Admin");
  people.bystander = await createAccount("READER", "Bea Beistehend");
  for (const role of ROLES) {
    const request = await scene.newContext();
    const person = role === "anonymous" ? null : people[role];
    if (person) await signIn(request, person);
    scene.callers[role] = { role, person, request };
  }
}

export async function closeScene() {
  for (const caller of Object.values(scene.callers)) await caller.request.dispose();
  await scene.db.$disconnect();
}

export const mark = (what: string) => `authz-${what}-${randomBytes(4).toString("hex")}`;
export const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};
/** The state a form's useActionState starts from. */
export const FORM_START = { ok: false };

export function call(caller: Caller, file: string, name: string, args: unknown[], from: string): Promise<ActionAnswer> {
  return callServerAction(caller.request, serverAction(file, name), args, { from, origin: scene.origin });
}

async function signIn(request: APIRequestContext, person: Person) {
  const answer = await call(
    { role: "anonymous", person: null, request },
    "actions/account.ts",
    "signInAction",
    [FORM_START, form({ email: person.email, password: person.password })],
    "/anmelden",
  );
  expect(answer.redirect, `signing in ${person.email}: ${JSON.stringify(answer)}`).toBe("/");
}

export async function sessionUserId(request: APIRequestContext): Promise<string | null> {
  const session = (await (await request.get("/api/auth/session")).json()) as { user?: { id?: string } } | null;
  return session?.user?.id ?? null;
}

export async function cookie(request: APIRequestContext, name: string): Promise<string | null> {
  return (await request.storageState()).cookies.find((c) => c.name === name)?.value ?? null;
}

/** The account a self-service call acts on: the caller's own, or for a signed-out call the reader's (which must stay as it is). */
export const own = (caller: Caller) => caller.person ?? scene.people.reader;

/** Runs one cell with the session the probe asks for. */
export async function runCell(probe: Probe, role: Role): Promise<Observed> {
  const session = probe.session ?? "shared";
  const shared = scene.callers[role];
  if (session === "shared") return probe.run(shared);
  const caller =
    session === "copy"
      ? { ...shared, request: await scene.newContext(await shared.request.storageState()) }
      : await freshCaller(role, session.fresh);
  try {
    return await probe.run(caller);
  } finally {
    await caller.request.dispose();
  }
}

async function freshCaller(role: Role, options: { verified?: boolean }): Promise<Caller> {
  const request = await scene.newContext();
  if (role === "anonymous") return { role, person: null, request };
  const person = await createAccount(ACCOUNT_ROLE[role]);
  await signIn(request, person);
  // Only a confirmed address signs in with a password; an unconfirmed signed-in account is one
  // whose confirmation lapsed after signing in (or an old session), made so here.
  if (options.verified === false) await scene.db.user.update({ where: { id: person.id }, data: { emailVerified: null } });
  return { role, person, request };
}

const failedAction = (answer: unknown) =>
  typeof answer === "object" && answer !== null && "error" in answer ? (answer as ActionAnswer).error : null;

/**
 * A call that changes something: allowed when `happened` holds afterwards, refused when what
 * `observe` sees is exactly as before (and a server action answered rather than failed, so the call
 * reached it), and anything else is reported as it is.
 */
export function change<F, S>(spec: {
  session?: Session;
  arrange?: (caller: Caller) => Promise<F>;
  act: (caller: Caller, fixture: F) => Promise<unknown>;
  observe: (caller: Caller, fixture: F) => Promise<S>;
  happened: (after: S, before: S, fixture: F, answer: unknown) => boolean;
  finish?: () => Promise<void>;
}): Probe {
  return {
    session: spec.session,
    finish: spec.finish,
    async run(caller) {
      const fixture = (await spec.arrange?.(caller)) as F;
      const before = await spec.observe(caller, fixture);
      const answer = await spec.act(caller, fixture);
      const after = await spec.observe(caller, fixture);
      if (spec.happened(after, before, fixture, answer)) return "allowed";
      const failed = failedAction(answer);
      if (failed) return `the action failed: ${failed}`;
      if (JSON.stringify(after) === JSON.stringify(before)) return "refused";
      return `changed without the effect: ${JSON.stringify(before)} → ${JSON.stringify(after)} (answer ${JSON.stringify(answer)})`;
    },
  };
}

/** A request whose answer shows something (a file, a stream, a rendering): `look` says what it showed. */
export function view<F>(spec: {
  session?: Session;
  arrange?: (caller: Caller) => Promise<F>;
  look: (caller: Caller, fixture: F) => Promise<Observed>;
}): Probe {
  return { session: spec.session, run: async (caller) => spec.look(caller, (await spec.arrange?.(caller)) as F) };
}

/**
 * A protected page, asked for as a browser opens it (document) and as the client router asks for it
 * when navigating from the area's start page (Flight, with the area's layout already on screen, so
 * Next renders the page without it). Allowed: 200 with the page's data (`marker`, never part of the
 * address: Next echoes the address in every answer); refused: the data in neither answer, and the
 * signed-out visitor sent to sign in, the signed-in one answered 403 (or the statuses given). The
 * whole message catalogue reaches every page, so only data, not labels, can tell a page apart.
 */
export function pageProbe<F = undefined>(
  pathOf: () => string,
  options: {
    arrange?: () => Promise<F>;
    marker?: (fixture: F) => string;
    finish?: () => Promise<void>;
    redirects?: boolean;
    refusedSignedIn?: number;
    refusedSignedOut?: number;
  } = {},
): Probe {
  return {
    finish: options.finish,
    async run(caller) {
      const url = pathOf();
      const marker = options.marker?.((await options.arrange?.()) as F);
      const documentAnswer = await caller.request.get(url, { failOnStatusCode: false });
      const landedAt = new URL(documentAnswer.url()).pathname;
      const navigation = await navigate(caller.request, url);
      const inDocument = marker !== undefined && (await documentAnswer.text()).includes(marker);
      const inNavigation = marker !== undefined && navigation.text.includes(marker);
      const shown = marker === undefined ? landedAt !== "/anmelden" : inDocument && (inNavigation || !!options.redirects);
      if (documentAnswer.status() === 200 && shown) return "allowed";
      const turnedAway = caller.person
        ? documentAnswer.status() === (options.refusedSignedIn ?? 403)
        : options.refusedSignedOut
          ? documentAnswer.status() === options.refusedSignedOut
          : landedAt === "/anmelden";
      if (turnedAway && !inDocument && !inNavigation) return "refused";
      return `document ${documentAnswer.status()} at ${landedAt} (shows it: ${inDocument}), navigation ${navigation.status} (shows it: ${inNavigation})`;
    },
  };
}

const require = createRequire(import.meta.url);
// The client router adds this hash of its headers to every Flight request (Next refuses one without it).
const { computeCacheBustingSearchParam } = require("next/dist/shared/lib/router/utils/cache-busting-search-param") as {
  computeCacheBustingSearchParam(prefetch: undefined, segmentPrefetch: undefined, stateTree: string, nextUrl: undefined): Promise<string>;
};

/** A client-side navigation's Flight request, as from the start page of the address's first segment. */
async function navigate(request: APIRequestContext, url: string) {
  const area = url.split(/[/?]/)[1] ?? "";
  const tree = encodeURIComponent(JSON.stringify(["", { children: [area, { children: ["__PAGE__", {}] }] }]));
  const hash = await computeCacheBustingSearchParam(undefined, undefined, tree, undefined);
  const answer = await request.get(`${url}${url.includes("?") ? "&" : "?"}_rsc=${hash}`, {
    headers: { rsc: "1", "next-router-state-tree": tree },
    failOnStatusCode: false,
    maxRedirects: 0,
  });
  return { status: answer.status(), text: await answer.text() };
}

/** Opens an event stream and closes it once the answer's head arrived (Playwright would wait for its end). */
export async function openStream(caller: Caller, url: string): Promise<Observed> {
  const cookies = (await caller.request.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  const abort = new AbortController();
  const response = await fetch(new URL(url, scene.origin), {
    headers: { cookie: cookies, "x-forwarded-for": CLIENT_ADDRESS },
    signal: abort.signal,
  });
  abort.abort();
  if (response.status === 200 && response.headers.get("content-type")?.startsWith("text/event-stream")) return "allowed";
  return response.status === 404 ? "refused" : `status ${response.status}`;
}

/** A site setting a row changes: remembered before its first cell, put back after its last. */
export function keptSetting(key: string) {
  let saved: { value: Prisma.JsonValue } | null | undefined;
  return {
    remember: async () => {
      if (saved === undefined) saved = await scene.db.setting.findUnique({ where: { key }, select: { value: true } });
    },
    restore: async () => {
      if (saved === null) await scene.db.setting.deleteMany({ where: { key } });
      else if (saved) await scene.db.setting.update({ where: { key }, data: { value: saved.value as Prisma.InputJsonValue } });
      saved = undefined;
    },
  };
}
