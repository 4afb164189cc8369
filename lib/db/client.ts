import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export { Prisma } from "./generated/client";
export * from "./generated/enums";

export type Db = InstanceType<typeof PrismaClient>;

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
