import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";

import { createPrismaClient } from "@/lib/db/client";
import { PREPARE_LOCK_KEY, withAdvisoryLock } from "@/lib/db/lock";
import { prepareDatabase } from "@/lib/db/prepare";
import { withDatabase } from "@/lib/db/server";

import { dropDatabase } from "../helpers/postgres";

describe("starting the app against an empty database", () => {
  const adminUrl = inject("pgAdminUrl");
  const name = `agora_test_prepare_${randomBytes(4).toString("hex")}`;
  const url = withDatabase(adminUrl, name);
  afterAll(() => dropDatabase(adminUrl, name));

  it("two instances started at once migrate it once, and both come up", { timeout: 120_000 }, async () => {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url;
    try {
      await Promise.all([prepareDatabase({ production: true }), prepareDatabase({ production: true })]);
    } finally {
      process.env.DATABASE_URL = saved;
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string; n: string }>(
        `SELECT migration_name, count(*) AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL GROUP BY migration_name`,
      );
      expect(rows.length).toBeGreaterThan(4);
      expect(rows.every((row) => row.n === "1")).toBe(true);
    } finally {
      await client.end();
    }
    const db = createPrismaClient(url);
    try {
      // The seed ran to completion exactly once in effect: one demo article, the sections once.
      expect(await db.article.count()).toBe(1);
      expect(await db.section.count()).toBe(4);
    } finally {
      await db.$disconnect();
    }
  });

  it("a second holder of the lock waits for the first", async () => {
    const order: string[] = [];
    let release!: () => void;
    const first = withAdvisoryLock(url, PREPARE_LOCK_KEY, async () => {
      order.push("first in");
      await new Promise<void>((resolve) => (release = resolve));
      order.push("first out");
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = withAdvisoryLock(url, PREPARE_LOCK_KEY, async () => void order.push("second in"));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(order).toEqual(["first in"]);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(["first in", "first out", "second in"]);
  });
});
