/**
 * Formatting is the machine's job: `npm run format` rewrites, `npm test` checks (before lint).
 * Imports are ordered: Node built-ins, packages, then our own `@/` modules, then relative ones.
 */
const config = {
  printWidth: 140,
  plugins: ["@ianvs/prettier-plugin-sort-imports"],
  importOrder: ["<BUILTIN_MODULES>", "<THIRD_PARTY_MODULES>", "", "^@/(.*)$", "", "^[.]"],
  importOrderTypeScriptVersion: "5.0.0",
};

export default config;
