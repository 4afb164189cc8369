import { expect, test } from "@playwright/test";

// The app under test trusts loopback as a proxy (e2e/server.ts), so X-Forwarded-For names the client
// only because the peer, stamped from the socket, is loopback. A client that also writes the peer
// header itself must not become someone new with each request.
test("a client that writes its own peer header is still refused after ten reset requests from its address", async ({ browser }) => {
  const address = `198.51.100.${1 + Math.floor(Math.random() * 254)}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  const answers: string[] = [];
  for (let attempt = 1; attempt <= 11; attempt++) {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": address, "x-agora-peer": `203.0.113.${attempt}` });
    await page.goto("/passwort-vergessen");
    await page.getByLabel("E-Mail-Adresse").fill(`niemand-${attempt}-${Date.now()}@example.org`);
    await page.getByRole("button", { name: "Link anfordern" }).click();
    const answer = page.getByRole("main").getByRole("status").or(page.getByRole("main").getByRole("alert"));
    await expect(answer).toBeVisible();
    answers.push(await answer.innerText());
  }
  expect(answers.slice(0, 10).every((text) => text.includes("ist der Link unterwegs"))).toBe(true);
  expect(answers[10]).toContain("Zu viele Versuche");
  await context.close();
});
