/** Runs once when a server process starts (Next.js instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before the first request: per-IP limits read the socket's address from this header. The
  // production server (scripts/server.ts) owns its socket and stamps it itself; `next dev` does not.
  if (!process.env.AGORA_FRONT_SERVER) (await import("./lib/http/peer")).stampPeerOnEveryRequest();
  // Wrong S3 settings show at start, not at the first upload.
  (await import("./lib/media/settings")).s3Settings();
  const [{ startDigestSchedule }, { startPublishSchedule }, { db }, { liveListener }] = await Promise.all([
    import("./lib/moderation/digest"),
    import("./lib/articles/publishing"),
    import("./lib/db/client"),
    import("./lib/live/listener"),
  ]);
  // Listening from the start: the caches are trusted only while this instance hears the others' writes.
  void liveListener()
    .ready()
    .catch(() => undefined);
  startDigestSchedule(db);
  // Scheduled articles are public from their time on anyway; this flips their status after a restart too.
  startPublishSchedule(db);
}
