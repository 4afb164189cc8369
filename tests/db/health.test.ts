import pg from "pg";
import { describe, expect, it, vi } from "vitest";

import { databaseReachable } from "@/lib/db/health";

import { freshDatabase } from "../helpers/db";

await freshDatabase();

describe("the database health check in front of every request", () => {
  it("answers a thousand requests arriving at once with one query, and says the healthy database is reachable", async () => {
    const queries = vi.spyOn(pg.Pool.prototype, "query");
    const answers = await Promise.all(Array.from({ length: 1000 }, () => databaseReachable()));
    expect(answers.filter((ok) => !ok)).toHaveLength(0);
    expect(queries).toHaveBeenCalledTimes(1);
    queries.mockRestore();
  });
});
