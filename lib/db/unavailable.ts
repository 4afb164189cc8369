import type { Locale } from "@/lib/i18n/config";
import de from "@/messages/de.json";
import en from "@/messages/en.json";

const messages = { de, en } as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A self-contained HTML page (no database, no app assets) for when PostgreSQL is unreachable. */
export function serviceUnavailablePage(locale: Locale): string {
  const t = messages[locale].Errors;
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.unavailableTitle)} – Agora</title></head>
<body style="font-family: Georgia, serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem; color: #1b1b1b; line-height: 1.5">
<main><h1>${escapeHtml(t.unavailableTitle)}</h1><p>${escapeHtml(t.unavailableText)}</p></main>
</body></html>`;
}
