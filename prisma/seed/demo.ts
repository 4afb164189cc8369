import type { Role } from "@/lib/db/client";

/** Demo accounts for a local run. Their passwords are public, so production refuses to create them. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: Role; password: string }> = [
  { email: "admin@agora.local", name: "Ada Admin", role: "ADMIN", password: "demo-admin-2026" },
  { email: "editor@agora.local", name: "Erik Redakteur", role: "EDITOR", password: "demo-editor-2026" },
  { email: "reader@agora.local", name: "Lena Leserin", role: "READER", password: "demo-reader-2026" },
];

/** Readers who only appear as comment authors in the demo thread; they have no password and cannot sign in. */
export const DEMO_COMMENTERS = [
  { email: "jonas.weber@demo.agora.local", name: "Jonas Weber" },
  { email: "miriam.schulz@demo.agora.local", name: "Miriam Schulz" },
] as const;

/**
 * The demo discussion under the seed article, marked as demo data by its
 * idempotency keys ("demo:…"), which also make re-seeding a no-op.
 */
export const DEMO_THREAD: ReadonlyArray<{
  key: string;
  author: string;
  parent?: string;
  body: string;
  minutesAfter: number;
  likedBy?: readonly string[];
}> = [
  {
    key: "demo:1",
    author: "jonas.weber@demo.agora.local",
    minutesAfter: 42,
    likedBy: ["miriam.schulz@demo.agora.local", "reader@agora.local"],
    body: "Interessant, dass die Absage so deutlich ausfällt. Ohne Luftunterstützung ist eine solche Truppe doch kaum mehr als ein **symbolisches Signal**, oder?",
  },
  {
    key: "demo:2",
    author: "reader@agora.local",
    parent: "demo:1",
    minutesAfter: 55,
    body: "Symbolisch vielleicht, aber Symbole zählen in der Diplomatie. Die Frage ist eher, wer die Kosten trägt.",
  },
  {
    key: "demo:3",
    author: "editor@agora.local",
    parent: "demo:1",
    minutesAfter: 71,
    body: "Danke für die Diskussion! Den zugrunde liegenden Bloomberg-Bericht ordnen wir in einem eigenen Artikel noch ausführlicher ein.",
  },
  {
    key: "demo:4",
    author: "miriam.schulz@demo.agora.local",
    minutesAfter: 96,
    body: "Mich würde interessieren, wie die RAND-Studie genau argumentiert. Gibt es dazu einen Link?\n\n> militärische Überlegenheit der USA gegenüber Russland erodiert\n\nDas ist eine starke These.",
  },
  {
    key: "demo:5",
    author: "jonas.weber@demo.agora.local",
    parent: "demo:4",
    minutesAfter: 110,
    body: "Die Studie ist öffentlich auf der Website von RAND zu finden – sie ist lang, aber lesenswert.",
  },
  {
    key: "demo:6",
    author: "miriam.schulz@demo.agora.local",
    parent: "demo:2",
    minutesAfter: 124,
    body: "Die Kosten sind der Knackpunkt. Wer zahlt, bestimmt am Ende auch *wie lange* so eine Mission bleibt.",
  },
];
