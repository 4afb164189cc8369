import { NextResponse, type NextRequest } from "next/server";

import { setNotificationPreferences } from "@/lib/accounts/notifications";
import { db } from "@/lib/db/client";
import { verifyUnsubscribe } from "@/lib/moderation/unsubscribe";

/**
 * One-click unsubscribe from a mail's link (GET) or a mail client's List-Unsubscribe-Post (POST).
 * The signed link names the person and the topic; no sign-in is needed.
 */
async function unsubscribe(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const userId = params.get("u") ?? "";
  const topic = params.get("thema") ?? "";
  const valid = verifyUnsubscribe(userId, topic, params.get("sig") ?? "");
  if (valid) {
    await setNotificationPreferences(db(), { id: userId }, topic === "replies" ? { notifyReplies: false } : { notifyDigest: false });
  }
  return valid ? topic : null;
}

export async function GET(request: NextRequest) {
  const topic = await unsubscribe(request);
  return NextResponse.redirect(new URL(`/benachrichtigungen/abbestellt?thema=${topic ?? "ungueltig"}`, request.nextUrl), 303);
}

export async function POST(request: NextRequest) {
  const topic = await unsubscribe(request);
  return new NextResponse(null, { status: topic ? 204 : 400 });
}
