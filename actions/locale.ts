"use server";

import { rememberLocale } from "@/lib/i18n/locale";

/** Form action of the language switch; the page re-renders in the chosen language. */
export async function switchLocale(formData: FormData): Promise<void> {
  await rememberLocale(formData.get("locale"));
}
