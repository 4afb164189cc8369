/**
 * Calls a server action over HTTP exactly as the browser does, without the page: the action's id
 * comes from the build's manifest, its arguments are encoded by React's own Flight client
 * (`encodeReply`, the function Next's router calls), and the answer is decoded by the same client.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Readable } from "node:stream";
import type { APIRequestContext } from "@playwright/test";

const require = createRequire(import.meta.url);

type FlightClient = {
  encodeReply(value: unknown[]): Promise<string | FormData>;
  createFromNodeStream(
    stream: Readable,
    manifest: { moduleMap: unknown; serverModuleMap: null; moduleLoading: null },
  ): PromiseLike<{ a?: unknown }>;
};
type ReferenceInfo = { usedArgs: boolean[]; hasRestArgs: boolean };

// The Flight client Next compiles in (its production build, as the server under test is one: the
// development build cannot read a production server's error rows), and Next's rule for which
// arguments travel (the id's first byte says).
const flight =
  require("next/dist/compiled/react-server-dom-webpack/cjs/react-server-dom-webpack-client.node.production.js") as FlightClient;
const referenceInfo = require("next/dist/shared/lib/server-reference-info") as {
  extractInfoFromServerReferenceId(id: string): ReferenceInfo;
  omitUnusedArgs(args: unknown[], info: ReferenceInfo): unknown[];
};

/** `next build` lists every action: id → source file, export name, and the pages whose bundles hold it. */
type Manifest = { node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }> };

export type ServerAction = { id: string; file: string; name: string };

let manifest: Manifest | null = null;

/** Every server action of the build under test, as `file#name` → action. */
export function serverActions(): Map<string, ServerAction> {
  manifest ??= JSON.parse(readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as Manifest;
  const actions = new Map<string, ServerAction>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename && entry.exportedName)
      actions.set(`${entry.filename}#${entry.exportedName}`, { id, file: entry.filename, name: entry.exportedName });
  }
  return actions;
}

/** The action exported as `name` from `file` (relative to the repository, e.g. "actions/users.ts"). */
export function serverAction(file: string, name: string): ServerAction {
  const action = serverActions().get(`${file}#${name}`);
  if (!action) throw new Error(`No server action ${name} in ${file} in .next/server/server-reference-manifest.json (build out of date?)`);
  return action;
}

export interface ActionAnswer {
  status: number;
  /** Where redirect() inside the action sends the browser, if it did. */
  redirect: string | null;
  /** What the action returned (decoded Flight), or undefined after a redirect or an error. */
  result: unknown;
  /** Set when the action threw: Next answers with an error instead of a result. */
  error: string | null;
}

// Client components in a re-rendered page are only referenced, never loaded: any module will do.
const anyModule = new Proxy({}, { get: () => new Proxy({}, { get: () => ({ id: "", chunks: [], name: "*" }) }) });

/**
 * POSTs `args` to the action from the page at `from` (a path whose bundle holds the action, as the form's
 * page would), with the site's own Origin so Next's CSRF check lets it through.
 */
export async function callServerAction(
  request: APIRequestContext,
  action: ServerAction,
  args: unknown[],
  { from, origin }: { from: string; origin: string },
): Promise<ActionAnswer> {
  const body = await flight.encodeReply(referenceInfo.omitUnusedArgs(args, referenceInfo.extractInfoFromServerReferenceId(action.id)));
  // fetch() would send a string as text/plain and FormData as multipart: so do we.
  const encoded = new Response(body);
  const response = await request.post(from, {
    headers: {
      accept: "text/x-component",
      "next-action": action.id,
      origin,
      "content-type": encoded.headers.get("content-type") ?? "text/plain;charset=UTF-8",
    },
    data: Buffer.from(await encoded.arrayBuffer()),
    maxRedirects: 0,
    failOnStatusCode: false,
  });
  const answer: ActionAnswer = {
    status: response.status(),
    redirect: response.headers()["x-action-redirect"]?.split(";")[0] ?? null,
    result: undefined,
    error: null,
  };
  if (answer.redirect || !response.headers()["content-type"]?.startsWith("text/x-component")) {
    if (!answer.redirect)
      answer.error = `${answer.status} ${response.headers()["content-type"] ?? ""}: ${(await response.text()).slice(0, 200)}`;
    return answer;
  }
  try {
    const root = await flight.createFromNodeStream(Readable.from([await response.body()]), {
      moduleMap: anyModule,
      serverModuleMap: null,
      moduleLoading: null,
    });
    answer.result = await root.a;
  } catch (error) {
    answer.error = error instanceof Error ? error.message : String(error);
  }
  return answer;
}
