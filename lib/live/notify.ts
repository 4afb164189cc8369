import { db as appDb, type Db } from "@/lib/db/client";
import { LIVE_CHANNEL, type LiveEvent } from "./events";

/**
 * Tells every app instance on this database about a change, through PostgreSQL NOTIFY.
 * Call it after the change is committed. A notification that fails must not fail the
 * reader's action: the comment is saved, and pages catch up on their next load.
 */
export async function publishLiveEvent(db: Db, event: LiveEvent): Promise<void> {
  try {
    await db.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(event)})`;
  } catch (error) {
    console.error("Publishing a live update failed:", error);
  }
}

export const publishLive = (event: LiveEvent) => publishLiveEvent(appDb(), event);
