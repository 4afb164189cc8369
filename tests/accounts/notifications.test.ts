import { describe, expect, it } from "vitest";

import { notificationPrefs, setNotificationPreferences } from "@/lib/accounts/notifications";

import { freshDatabase } from "../helpers/db";
import { createUser } from "../helpers/factories";

describe("notification mails a person asked for", async () => {
  const { db } = await freshDatabase();

  it("an editor switches reply mails and the digest", async () => {
    const editor = await createUser(db, { role: "EDITOR" });
    await setNotificationPreferences({ db, person: editor, preferences: { notifyReplies: false, notifyDigest: true } });
    expect(await notificationPrefs({ db, userId: editor.id })).toEqual({ notifyReplies: false, notifyDigest: true });
  });

  it("a reader cannot ask for the moderation digest", async () => {
    const reader = await createUser(db);
    await setNotificationPreferences({ db, person: reader, preferences: { notifyReplies: true, notifyDigest: true } });
    expect(await notificationPrefs({ db, userId: reader.id })).toEqual({ notifyReplies: true, notifyDigest: false });
  });
});
