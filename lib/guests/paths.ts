/** The pages a link mailed to a guest address opens; each takes the link's token as `?token=`. */
export const GUEST_PATHS = {
  /** Confirms a guest's comment, which then goes through the usual intake. */
  confirmComment: "/gast/bestaetigen",
  /** Deletes one comment a guest wrote (the link comes with the confirmation mail). */
  deleteComment: "/gast/kommentar-loeschen",
  /** Asks for, and then carries out, the export or deletion of everything stored under an address. */
  data: "/gast/daten",
  /** Confirms a guest's wish to follow a discussion (double opt-in). */
  confirmFollow: "/gast/folgen",
} as const;

/** The absolute link to a guest page for one token. */
export function guestLink(origin: string, path: (typeof GUEST_PATHS)[keyof typeof GUEST_PATHS], token: string): string {
  const url = new URL(path, origin);
  url.searchParams.set("token", token);
  return url.toString();
}
