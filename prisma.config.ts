import { defineConfig } from "prisma/config";

// The CLI is always started through scripts/prisma.ts, which sets DATABASE_URL
// (starting the embedded PostgreSQL when none is configured) and points
// PRISMA_SCHEMA_ENGINE_BINARY at the project's own WASM-backed schema engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    // A restore applies only the migrations its backup was made with first (lib/db/backup/restore.ts).
    path: process.env.AGORA_MIGRATIONS_DIR ?? "prisma/migrations",
  },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://localhost/agora",
  },
});
