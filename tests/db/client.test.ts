import { afterAll, describe, expect, it } from "vitest";

import { createPrismaClient, poolSize } from "@/lib/db/client";

import { freshDatabase } from "../helpers/db";

const { url } = await freshDatabase();

describe("the database pool", () => {
  it("is sized by DATABASE_POOL_SIZE, ten connections when unset or not a positive number", () => {
    expect(poolSize("25")).toBe(25);
    expect(poolSize(undefined)).toBe(10);
    expect(poolSize("0")).toBe(10);
    expect(poolSize("viele")).toBe(10);
  });

  it("lets a burst of queries and transactions queue for its connections instead of failing", async () => {
    const db = createPrismaClient(url, { poolSize: 2 });
    afterAll(() => db.$disconnect());
    const sleep = (seconds: number) => db.$executeRaw`SELECT pg_sleep(${seconds})`;
    // Six transactions of 1.2 s on two connections: the last two wait about 2.4 s for a connection,
    // longer than Prisma's default maxWait of 2 s.
    const transactions = Array.from({ length: 6 }, () =>
      db.$transaction(async (tx) => tx.$executeRaw`SELECT pg_sleep(1.2)`, { timeout: 10_000 }),
    );
    const queries = Array.from({ length: 40 }, () => sleep(0.01));
    const results = await Promise.allSettled([...transactions, ...queries]);
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
  }, 30_000);
});
