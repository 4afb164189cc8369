import { cookies } from "next/headers";
import { z } from "zod";

import { LOCALE_COOKIE, locales } from "./config";

const localeSchema = z.enum(locales);

/** Remembers the reader's UI language for a year. Anyone may choose; nothing else is touched. */
export async function rememberLocale(input: unknown): Promise<{ ok: boolean }> {
  const parsed = localeSchema.safeParse(input);
  if (!parsed.success) return { ok: false };
  (await cookies()).set(LOCALE_COOKIE, parsed.data, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
    secure: process.env.NODE_ENV === "production",
  });
  return { ok: true };
}
