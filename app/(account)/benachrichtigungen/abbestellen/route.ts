import { NextResponse, type NextRequest } from "next/server";

import { followUnsubscribeLink } from "@/lib/accounts/unsubscribe";

/**
 * One-click unsubscribe from a mail's link (GET) or a mail client's List-Unsubscribe-Post (POST).
 * The signed link names the person and the topic; no sign-in is needed.
 */
function unsubscribe(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  return followUnsubscribeLink({ userId: params.get("u") ?? "", topic: params.get("thema") ?? "", signature: params.get("sig") ?? "" });
}

export async function GET(request: NextRequest) {
  const topic = await unsubscribe(request);
  return NextResponse.redirect(new URL(`/benachrichtigungen/abbestellt?thema=${topic ?? "ungueltig"}`, request.nextUrl), 303);
}

export async function POST(request: NextRequest) {
  const topic = await unsubscribe(request);
  return new NextResponse(null, { status: topic ? 204 : 400 });
}
