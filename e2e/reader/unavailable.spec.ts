import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";

import { productionServerArgs } from "../../scripts/serve";

const PORT = 3199;
let server: ChildProcess;

// A second instance of the same production build whose database cannot be reached.
test.beforeAll(async () => {
  server = spawn(process.execPath, productionServerArgs(PORT), {
    env: { ...process.env, DATABASE_URL: "postgresql://postgres@127.0.0.1:1/agora", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  for (let attempt = 0; attempt < 100; attempt++) {
    const up = await fetch(`http://localhost:${PORT}/_next/static/not-there`).then(
      () => true,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the second app instance did not start");
});

test.afterAll(() => {
  server.kill("SIGTERM");
});

test("a reader gets a clear 503 page, not a stack trace, while the database is down", async ({ page }) => {
  const response = await page.goto(`http://localhost:${PORT}/`);
  expect(response?.status()).toBe(503);
  expect(response?.headers()["retry-after"]).toBe("30");
  await expect(page.getByRole("heading", { level: 1, name: "Vorübergehend nicht erreichbar" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/Error|at \w+ \(/);
});

test("the 503 page speaks the reader's chosen language", async ({ page, context }) => {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: `http://localhost:${PORT}` }]);
  const response = await page.goto(`http://localhost:${PORT}/artikel/irgendein-artikel`);
  expect(response?.status()).toBe(503);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1, name: "Temporarily unavailable" })).toBeVisible();
});
