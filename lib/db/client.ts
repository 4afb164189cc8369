import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export { Prisma } from "./generated/client";
export * from "./generated/enums";

export type Db = InstanceType<typeof PrismaClient>;

/** A write refused by a unique index (Prisma's P2002), e.g. the loser of two concurrent inserts. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && (error as { code: unknown }).code === "P2002";
}

export function createPrismaClient(connectionString: string): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
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
