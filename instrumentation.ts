/** Runs once when a server process starts (Next.js instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ startDigestSchedule }, { db }] = await Promise.all([import("./lib/moderation/digest"), import("./lib/db/client")]);
  startDigestSchedule(db);
}
