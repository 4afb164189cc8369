import { NextResponse, type NextRequest } from "next/server";

import { redeemGuestExport } from "@/lib/guests/data";
import { GUEST_PATHS } from "@/lib/guests/paths";
import { siteOrigin } from "@/lib/http/request";

/** The download button behind an export link: everything under the guest address, as a JSON file; the link is used up. */
export async function POST(request: NextRequest) {
  const form = await request.formData().catch(() => null);
  const token = form?.get("token");
  const result = typeof token === "string" && token ? await redeemGuestExport({ token, origin: await siteOrigin() }) : null;
  if (!result?.ok) {
    const reason = result?.error ?? "invalid";
    return NextResponse.redirect(new URL(`${GUEST_PATHS.data}?fehler=${reason}`, request.nextUrl), 303);
  }
  const date = new Date().toISOString().slice(0, 10);
  return new NextResponse(JSON.stringify(result.data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="agora-gastdaten-${date}.json"`,
      "cache-control": "no-store",
    },
  });
}
