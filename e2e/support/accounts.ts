import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";

import { hashPassword } from "../../lib/accounts/password";
import { createPrismaClient, type Db, type Role } from "../../lib/db/client";
import { e2eDatabaseUrl } from "./app";

/** The database behind the app under test, for setting up people and checking what a user cannot see. */
export async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = createPrismaClient(e2eDatabaseUrl());
  try {
    return await fn(db);
  } finally {
    await db.$disconnect();
  }
}

export const E2E_PASSWORD = "Leuchtturm im Nebel";

/** A verified account made directly in the database, unique per call. */
export async function createAccount(role: Role = "READER", name?: string) {
  const id = randomBytes(3).toString("hex");
  const account = { name: name ?? `Testperson ${id}`, email: `e2e-${id}@example.org`, password: E2E_PASSWORD };
  const user = await withDb(async (db) =>
    db.user.create({
      data: {
        name: account.name,
        email: account.email,
        role,
        emailVerified: new Date(),
        passwordHash: await hashPassword(account.password),
      },
    }),
  );
  return { ...account, id: user.id };
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/anmelden");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page).not.toHaveURL(/\/anmelden/);
}

/** Opens the account menu in the header (a disclosure) and returns it. */
export async function openAccountMenu(page: Page, name: string) {
  await page.getByRole("banner").getByText(name).click();
  return page.getByRole("banner");
}
