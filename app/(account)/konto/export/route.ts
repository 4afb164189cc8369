import { NextResponse } from "next/server";

import { exportUserData } from "@/lib/accounts/data";
import { getCurrentUser } from "@/lib/accounts/session";

/** "Download my data": everything about the signed-in user, as a JSON file. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "signInRequired" }, { status: 401 });
  const data = await exportUserData({ userId: user.id });
  const date = new Date().toISOString().slice(0, 10);
  return new NextResponse(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="agora-daten-${date}.json"`,
      "cache-control": "no-store",
    },
  });
}
