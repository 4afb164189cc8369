import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

/** The parts of a V8 .cpuprofile (node --cpu-prof) a summary needs. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }>;
  samples: number[];
  timeDeltas: number[];
}

/** Where a function comes from, in words: the original source behind a bundle, through its source map. */
interface Origin {
  /** The package or part of the app (e.g. "react-dom/server (HTML)", "marked", "app: components/comments"). */
  group: string;
  /** File and line in the original source. */
  where: string;
}

// Next.js precompiles React and its own server code into one runtime file; name its parts.
const NAMED_SOURCES: Array<[RegExp, string]> = [
  [/react-dom-server/, "react-dom/server (HTML render)"],
  [/react-server-dom-turbopack-client/, "react-server-dom client (RSC payload → HTML)"],
  [/react-server-dom-turbopack-server/, "react-server-dom server (RSC render, flight)"],
  [/compiled\/react\/cjs/, "react"],
  [/src\/server\/app-render\//, "next: app-render"],
  [/src\/server\/stream-utils\//, "next: stream-utils"],
  [/src\/server\//, "next: server"],
  [/src\/client\//, "next: client (on the server)"],
];

function groupOfSource(source: string): string {
  for (const [pattern, name] of NAMED_SOURCES) if (pattern.test(source)) return name;
  const modules = source.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const [scopeOrName, name] = source.slice(modules + "node_modules/".length).split("/");
    const pkg = scopeOrName!.startsWith("@") ? `${scopeOrName}/${name}` : scopeOrName!;
    const compiled = /next\/dist\/compiled\/([^/]+)/.exec(source);
    return pkg === "next" && compiled ? `next/compiled/${compiled[1]}` : pkg;
  }
  const compiled = /dist\/compiled\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (compiled) return `next/compiled/${compiled[1]}`;
  const app = /(?:^|\/)((?:app|components|lib)\/(?:[^/]+\/)?)/.exec(source.replace(/^(\.\.\/)+/, ""));
  return app ? `app: ${app[1]!.replace(/\/$/, "")}` : source.replace(/^(\.\.\/)+/, "").slice(-60);
}

const maps = new Map<string, SourceMap | null>();
function sourceMapOf(url: string): SourceMap | null {
  if (!maps.has(url)) {
    let map: SourceMap | null = null;
    try {
      const file = `${fileURLToPath(url)}.map`;
      if (existsSync(file)) map = new SourceMap(JSON.parse(readFileSync(file, "utf8")));
    } catch {
      // no usable map: the generated file names the function
    }
    maps.set(url, map);
  }
  return maps.get(url)!;
}

function originOf(frame: CpuProfile["nodes"][number]["callFrame"]): Origin {
  const { url, lineNumber, columnNumber } = frame;
  if (!url) return { group: "(native/V8)", where: "" };
  if (url.startsWith("node:")) return { group: "node", where: `${url}:${lineNumber + 1}` };
  if (url.startsWith("file:")) {
    const entry = sourceMapOf(url)?.findEntry(lineNumber, columnNumber);
    if (entry && "originalSource" in entry && entry.originalSource) {
      const source = entry.originalSource.replace(/^webpack:\/\/next\/\.\//, "next/");
      return { group: groupOfSource(source), where: `${source.replace(/^(\.\.\/)+/, "")}:${entry.originalLine + 1}` };
    }
    return { group: groupOfSource(fileURLToPath(url)), where: `${url.replace(/^.*\/(node_modules|\.next)\//, "$1/")}:${lineNumber + 1}` };
  }
  return { group: url.split(":")[0]!, where: url };
}

const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1).padStart(5)} %`;
const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
// Samples under these belong to loading code (startup, first requests), not to rendering a view.
const LOADING = new Set(["Module._load", "compileSourceTextModule", "instantiateModule", "wrapSafe", "Module._compile"]);

/**
 * Self and total time per function and self time per package or part of the app, as plain
 * text. Total time counts a function once per sample however deep it recurses. Idle time and
 * module loading are left out of the shares.
 */
export function summariseProfile(profile: CpuProfile, top = 40): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const origins = new Map<number, Origin>();
  const origin = (id: number) => {
    if (!origins.has(id)) origins.set(id, originOf(byId.get(id)!.callFrame));
    return origins.get(id)!;
  };
  const key = (id: number) => `${byId.get(id)!.callFrame.functionName || "(anonymous)"}  [${origin(id).group}] ${origin(id).where}`;

  const stacks = new Map<number, { keys: Set<string>; groups: Set<string>; loading: boolean }>();
  const stackOf = (id: number): { keys: Set<string>; groups: Set<string>; loading: boolean } => {
    const known = stacks.get(id);
    if (known) return known;
    const up = parent.get(id);
    const above = up === undefined ? { keys: new Set<string>(), groups: new Set<string>(), loading: false } : stackOf(up);
    const stack = {
      keys: new Set(above.keys).add(key(id)),
      groups: new Set(above.groups).add(origin(id).group),
      loading: above.loading || LOADING.has(byId.get(id)!.callFrame.functionName),
    };
    stacks.set(id, stack);
    return stack;
  };

  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const selfByGroup = new Map<string, number>();
  const totalByGroup = new Map<string, number>();
  let busy = 0;
  let loading = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    const name = byId.get(id)!.callFrame.functionName;
    if (name === "(idle)" || name === "(root)") return;
    const stack = stackOf(id);
    if (stack.loading) {
      loading += delta;
      return;
    }
    busy += delta;
    self.set(key(id), (self.get(key(id)) ?? 0) + delta);
    const group = name.startsWith("(") ? name : origin(id).group;
    selfByGroup.set(group, (selfByGroup.get(group) ?? 0) + delta);
    for (const k of stack.keys) total.set(k, (total.get(k) ?? 0) + delta);
    for (const g of stack.groups) totalByGroup.set(g, (totalByGroup.get(g) ?? 0) + delta);
  });

  const table = (title: string, entries: Map<string, number>, n: number) =>
    [
      title,
      ...[...entries]
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([name, time]) => `${ms(time)} ${pct(time, busy)}  ${name}`),
    ].join("\n");

  return [
    `busy: ${ms(busy)} (module loading left out: ${ms(loading)}; idle left out)`,
    table("\n── self time by package / part of the app", selfByGroup, 30),
    table("\n── total time by package / part of the app (inclusive: the package and what it calls)", totalByGroup, 30),
    table("\n── self time by function", self, top),
    table("\n── total time by function (inclusive)", total, top * 2),
  ].join("\n");
}

// `npx tsx bench/profile-summary.ts <file.cpuprofile>` summarises a profile made elsewhere.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  console.log(summariseProfile(JSON.parse(readFileSync(process.argv[2]!, "utf8"))));
}
