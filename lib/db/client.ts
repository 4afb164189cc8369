import { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "./generated/client";

export { Prisma } from "./generated/client";
export * from "./generated/enums";

export type Db = InstanceType<typeof PrismaClient>;

/** A write refused by a unique index (Prisma's P2002), e.g. the loser of two concurrent inserts. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}

const DEFAULT_POOL_SIZE = 10;
/** How long a query waits for a free connection before it fails: a burst queues rather than erring. */
const CONNECTION_WAIT_MS = 30_000;

/** DATABASE_POOL_SIZE: connections per app instance (PostgreSQL's max_connections is shared by all of them). */
export function poolSize(value = process.env.DATABASE_POOL_SIZE): number {
  const size = Number(value);
  return Number.isInteger(size) && size > 0 ? size : DEFAULT_POOL_SIZE;
}

export function createPrismaClient(connectionString: string, options: { poolSize?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString, max: options.poolSize ?? poolSize(), connectionTimeoutMillis: CONNECTION_WAIT_MS });
  // A transaction waits for its connection like any query (Prisma's own default gives up after 2 s).
  return new PrismaClient({ adapter, transactionOptions: { maxWait: CONNECTION_WAIT_MS } });
}

// One client per process; Next's dev server reloads modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { agoraPrisma?: Db };

function connectionString(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set. Start Agora with `npm start` (it provides one) or set it.");
  return url;
}

/** The app's database client, created lazily so that importing this module never needs a database. */
export function db(): Db {
  globalForPrisma.agoraPrisma ??= createPrismaClient(connectionString());
  return globalForPrisma.agoraPrisma;
}
