import { defineConfig } from "prisma/config";

// The CLI is always started through scripts/prisma.ts, which sets DATABASE_URL
// (starting the embedded PostgreSQL when none is configured) and points
// PRISMA_SCHEMA_ENGINE_BINARY at the project's own WASM-backed schema engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
  },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://localhost/agora",
  },
});
