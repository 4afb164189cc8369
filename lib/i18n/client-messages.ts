import type { AbstractIntlMessages } from "next-intl";

/**
 * The message namespaces that client components of the public pages and the account pages use.
 * Every page sends these to the browser; the admin and moderation areas add the rest
 * (their own providers), so a reader's page does not carry the editors' strings.
 */
const PUBLIC_CLIENT_NAMESPACES = [
  "Site",
  "Language",
  "AccountMenu",
  "Comments",
  "Forms",
  "Errors",
  "Auth",
  "Account",
  "GuestData",
  "ModerationReasons",
  "Notices",
  "Notifications",
  "Search",
];

export function publicClientMessages(messages: AbstractIntlMessages): AbstractIntlMessages {
  return Object.fromEntries(PUBLIC_CLIENT_NAMESPACES.filter((name) => name in messages).map((name) => [name, messages[name]!]));
}
