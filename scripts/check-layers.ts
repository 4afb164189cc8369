/**
 * Checks the direction of imports (docs: STYLE.md, "Layers run one way"), printing lib's folder graph:
 *   - no two lib/ folders import each other, directly or round a longer circle, and no two lib/ files either;
 *   - lib/ imports nothing from app/, components/ or actions/;
 *   - only lib/ and the tooling (tests, scripts, bench, prisma, e2e) import values from @/lib/db/client.
 * Run: npx tsx scripts/check-layers.ts (exits 1 on a violation).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const SKIP = new Set(["node_modules", ".next", ".data", ".git", "generated", "test-results", "playwright-report"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : sourceFiles(relative);
    return /\.(ts|tsx|mts|mjs)$/.test(entry.name) ? [relative] : [];
  });
}

/** Every `import … from "x"` and `export … from "x"`, with whether it brings values (not only types). */
function importsOf(file: string): Array<{ target: string; values: boolean }> {
  const text = readFileSync(path.join(root, file), "utf8");
  const found: Array<{ target: string; values: boolean }> = [];
  for (const match of text.matchAll(/^(import|export)\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']/gms)) {
    const [, , typeOnly, clause = "", target = ""] = match;
    const names =
      /\{([^}]*)\}/
        .exec(clause)?.[1]
        ?.split(",")
        .map((name) => name.trim())
        .filter(Boolean) ?? [];
    const bare = clause
      .replace(/\{[^}]*\}/, "")
      .replace(/,/g, "")
      .trim();
    const values = !typeOnly && (bare !== "" || names.some((name) => !name.startsWith("type ")));
    found.push({ target, values });
  }
  for (const match of text.matchAll(/^import\s+["']([^"']+)["']/gm)) found.push({ target: match[1]!, values: true });
  return found;
}

/** The repository path an import names, or null for a package. */
function resolve(file: string, target: string): string | null {
  if (target.startsWith("@/")) return target.slice(2);
  if (target.startsWith(".")) return path.join(path.dirname(file), target);
  return null;
}

/** lib/comments/commands/post.ts → "comments"; lib/result.ts → "result". */
const libFolder = (file: string) => file.split(path.sep)[1]!.replace(/\.(ts|tsx|mts|mjs)$/, "");

/** A module's name without its extension, as imports name it. */
const moduleName = (file: string) => file.replace(/\.(ts|tsx|mts|mjs)$/, "");

const problems: string[] = [];
const graph = new Map<string, Set<string>>();
const fileGraph = new Map<string, Set<string>>();

for (const file of sourceFiles("lib")) {
  const from = libFolder(file);
  if (!graph.has(from)) graph.set(from, new Set());
  const fileTargets = new Set<string>();
  fileGraph.set(moduleName(file), fileTargets);
  for (const { target } of importsOf(file)) {
    const resolved = resolve(file, target);
    if (!resolved) continue;
    const top = resolved.split(/[\\/]/)[0];
    if (top === "app" || top === "components" || top === "actions") problems.push(`${file} imports ${target}: lib/ is below them`);
    if (top !== "lib") continue;
    fileTargets.add(moduleName(resolved));
    const to = libFolder(resolved);
    if (to !== from) graph.get(from)!.add(to);
  }
}

const TOOLING = new Set(["lib", "tests", "scripts", "bench", "prisma", "e2e"]);
for (const dir of ["app", "components", "actions"]) {
  let files: string[] = [];
  try {
    files = sourceFiles(dir);
  } catch {
    continue;
  }
  for (const file of files) {
    if (TOOLING.has(file.split(path.sep)[0]!)) continue;
    for (const { target, values } of importsOf(file)) {
      if (values && resolve(file, target) === "lib/db/client")
        problems.push(`${file} imports values from @/lib/db/client: ask a lib/ function`);
    }
  }
}

/** Every circle in a graph, each once, told from its first node in alphabetical order. */
function circlesIn(edges: Map<string, Set<string>>): string[] {
  const reaches = (start: string, goal: string, seen = new Set<string>()): string[] | null => {
    for (const next of edges.get(start) ?? []) {
      if (next === goal) return [start, goal];
      if (seen.has(next)) continue;
      seen.add(next);
      const rest = reaches(next, goal, seen);
      if (rest) return [start, ...rest];
    }
    return null;
  };
  const found = new Set<string>();
  for (const node of edges.keys()) {
    const circle = reaches(node, node);
    if (circle && node === [...circle].sort()[0]) found.add(circle.join(" → "));
  }
  return [...found];
}
for (const circle of circlesIn(graph)) problems.push(`a circle between lib folders: ${circle}`);
for (const circle of circlesIn(fileGraph)) problems.push(`a circle between lib files: ${circle}`);

for (const [folder, targets] of [...graph].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`${folder.padEnd(12)} → ${[...targets].sort().join(", ") || "–"}`);
}
if (problems.length > 0) {
  console.error(`\n${problems.join("\n")}`);
  process.exit(1);
}
console.log("\nNo circles; lib/ imports no routes, components or actions; only lib/ and tooling import the database client.");
