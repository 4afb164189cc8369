/** Runs once when a server process starts (Next.js instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Wrong S3 settings show at start, not at the first upload.
  (await import("./lib/media/settings")).s3Settings();
  const [{ startDigestSchedule }, { startPublishSchedule }, { db }] = await Promise.all([
    import("./lib/moderation/digest"),
    import("./lib/articles/commands"),
    import("./lib/db/client"),
  ]);
  startDigestSchedule(db);
  // Scheduled articles are public from their time on anyway; this flips their status after a restart too.
  startPublishSchedule(db);
}
