import { NextResponse, type NextRequest } from "next/server";

import { confirmAccountLink } from "@/lib/accounts/commands";

/** The link in verification and e-mail-change mails; the result page says what happened. */
export async function GET(request: NextRequest) {
  const token = request.nextUrl.searchParams.get("token") ?? "";
  const result = token ? await confirmAccountLink({ token }) : ({ ok: false, error: "invalid" } as const);
  const outcome = result.ok ? (result.purpose === "CHANGE_EMAIL" ? "geaendert" : "bestaetigt") : result.error;
  return NextResponse.redirect(new URL(`/konto/bestaetigung?ergebnis=${outcome}`, request.nextUrl), 303);
}
