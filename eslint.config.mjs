import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/**
 * Layers run one way (ARCHITECTURE.md): app/ (routes) → components/ → actions/ → lib/, and inside
 * lib/ the discussion stacks moderation → comments → rules → notices. These rules keep the arrows
 * pointing down; scripts/check-layers.ts (run by `npm run lint`) adds that no two lib/ folders
 * import each other.
 */
const DOMAIN_ONLY = "lib/ is the domain: it knows nothing of routes, components or actions.";
const database = {
  group: ["@/lib/db/client", "@/lib/db/generated/*", "@prisma/client", "@prisma/adapter-pg"],
  allowTypeImports: true,
  message: "Only lib/ talks to the database: call a query or command of lib/ instead.",
};
/** Forbids importing these folders, by alias or relatively (the relative form from a sibling folder of lib/). */
const above = (folders, message) => ({
  group: folders.flatMap((folder) => [
    `@/${folder}`,
    `@/${folder}/*`,
    `../${folder.replace(/^lib\//, "")}`,
    `../${folder.replace(/^lib\//, "")}/*`,
  ]),
  message,
});
const layer = (files, patterns) => ({ files, rules: { "no-restricted-imports": ["error", { patterns }] } });
const lib = (folder, lower, message) =>
  layer(
    [`lib/${folder}/**/*.ts`],
    [
      above(["app", "components", "actions"], DOMAIN_ONLY),
      above(
        lower.map((f) => `lib/${f}`),
        message,
      ),
    ],
  );

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", ".data/**", "node_modules/**", "lib/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    files: ["lib/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "error" },
  },
  // Leaving fields out of an object by destructuring them away (`const { tags, ...columns } = input`) is a use.
  { rules: { "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }] } },
  // No circles between modules (type-only imports aside): a circle hides which of two files is the lower one.
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "actions/**/*.ts", "lib/**/*.ts"],
    rules: { "import/no-cycle": ["error", { ignoreExternal: true }] },
  },
  layer(["app/**/*.{ts,tsx}"], [database]),
  layer(["components/**/*.{ts,tsx}"], [database, above(["app"], "Components serve routes; they do not import them.")]),
  layer(["actions/**/*.ts"], [database, above(["app", "components"], "Actions sit below routes and components.")]),
  layer(["lib/**/*.ts"], [above(["app", "components", "actions"], DOMAIN_ONLY)]),
  lib("comments", ["moderation"], "Moderation acts on comments, not the other way round."),
  lib("rules", ["comments", "moderation"], "The rules a comment meets on arrival sit below comments and moderation."),
  lib(
    "notices",
    ["rules", "comments", "moderation"],
    "Statements of reasons are written by rules, comments and moderation, not the reverse.",
  ),
];

export default config;
