import { describe, expect, it } from "vitest";

import { decideIntake, type IntakeInput } from "@/lib/rules/intake";
import { countLinks, findListedWord, parseWordList } from "@/lib/rules/words";
import { siteSettingsSchema } from "@/lib/settings/site";

const defaults = siteSettingsSchema.parse({});
const now = new Date("2026-11-25T12:00:00Z");

function input(
  overrides: Partial<Omit<IntakeInput, "settings" | "author">> & {
    settings?: Partial<IntakeInput["settings"]>;
    author?: Partial<IntakeInput["author"]>;
  } = {},
): IntakeInput {
  return {
    body: "Ein sachlicher Beitrag zur Debatte.",
    kind: "new",
    now,
    article: { premoderate: false },
    ...overrides,
    settings: { ...defaults, ...overrides.settings },
    author: {
      role: "READER",
      alwaysPremoderate: false,
      createdAt: new Date("2025-01-01"),
      approvedComments: 3,
      previousCommentAt: null,
      recentBodies: [],
      ...overrides.author,
    },
  };
}

describe("word lists", () => {
  it("match whole words whatever the case", () => {
    expect(findListedWord("Was für ein IDIOT!", ["idiot"])?.match).toBe("IDIOT");
    expect(findListedWord("Idioten gibt es überall", ["idiot"])).toBeNull();
    expect(findListedWord("Das ist idiotisch", ["idiot"])).toBeNull();
  });

  it("treat umlauts and their ae/oe/ue spellings, and ß and ss, as one word", () => {
    expect(findListedWord("So ein Aerger", ["ärger"])?.match).toBe("Aerger");
    expect(findListedWord("so ein ÄRGER", ["aerger"])?.match).toBe("ÄRGER");
    expect(findListedWord("auf der Strasse", ["Straße"])?.match).toBe("Strasse");
    expect(findListedWord("auf der STRAẞE", ["strasse"])?.match).toBe("STRAẞE");
    expect(findListedWord("Du Schwätzer", ["schwaetzer"])?.match).toBe("Schwätzer");
  });

  it("match phrases word for word, across punctuation and spacing", () => {
    expect(findListedWord("Das ist – halt die   Luegenpresse.", ["Lügen presse", "halt die lügenpresse"])?.entry).toBe(
      "halt die lügenpresse",
    );
    expect(findListedWord("die Lügen, die Presse", ["lügen presse"])).toBeNull();
  });

  it("are edited as one entry per line, without duplicates or blanks", () => {
    expect(parseWordList("Idiot\n\n  idiot \nÄrger, aerger\nhalt   die klappe")).toEqual(["Idiot", "Ärger", "halt die klappe"]);
  });
});

describe("links", () => {
  it("count bare URLs, www addresses and Markdown links once each", () => {
    expect(countLinks("Siehe https://a.example und www.b.example sowie [c](http://c.example).")).toBe(3);
    expect(countLinks("Keine Links, nur eine E-Mail: x@www.example")).toBe(0);
  });

  it("hold a comment with more links than allowed, naming how many", () => {
    const body = "https://a.example https://b.example https://c.example";
    expect(decideIntake(input({ body }))).toEqual({ status: "PENDING", hits: [{ rule: "links", match: "3" }] });
    expect(decideIntake(input({ body, settings: { maxLinks: 3 } })).status).toBe("APPROVED");
  });
});

describe("intake", () => {
  it("publishes an ordinary comment at once in post-moderation", () => {
    expect(decideIntake(input())).toEqual({ status: "APPROVED", hits: [] });
  });

  it("rejects a banned word and holds a suspect one, naming the word as written", () => {
    expect(decideIntake(input({ body: "Du IDIOT", settings: { bannedWords: ["idiot"] } }))).toEqual({
      status: "REJECTED",
      hits: [{ rule: "bannedWord", match: "IDIOT" }],
    });
    expect(decideIntake(input({ body: "Das ist Lügenpresse", settings: { suspectWords: ["luegenpresse"] } }))).toEqual({
      status: "PENDING",
      hits: [{ rule: "suspectWord", match: "Lügenpresse" }],
    });
  });

  it("holds the same text posted again", () => {
    expect(decideIntake(input({ author: { recentBodies: ["ein  sachlicher Beitrag zur debatte."] } })).hits).toEqual([
      { rule: "duplicate" },
    ]);
  });

  it("files the hidden bot field and a too-quick submission as spam", () => {
    expect(decideIntake(input({ submission: { honeypot: "http://spam.example", elapsedMs: 20_000 } })).status).toBe("SPAM");
    expect(decideIntake(input({ submission: { honeypot: "", elapsedMs: 800 } }))).toEqual({
      status: "SPAM",
      hits: [{ rule: "submitTooQuick", match: "0.8" }],
    });
    expect(decideIntake(input({ submission: { honeypot: "", elapsedMs: null } })).status).toBe("SPAM");
    expect(decideIntake(input({ submission: { honeypot: "", elapsedMs: 3_000 } })).status).toBe("APPROVED");
  });

  it("holds a comment sent too soon after the author's previous one, when the rule is on", () => {
    const previousCommentAt = new Date(now.getTime() - 4_000);
    expect(decideIntake(input({ author: { previousCommentAt } })).status).toBe("APPROVED");
    expect(decideIntake(input({ author: { previousCommentAt }, settings: { minSecondsBetweenComments: 10 } })).hits).toEqual([
      { rule: "postingTooFast", match: "4" },
    ]);
  });

  it("holds comments of accounts younger than the configured hours", () => {
    const createdAt = new Date(now.getTime() - 2 * 3_600_000);
    expect(decideIntake(input({ author: { createdAt }, settings: { minAccountAgeHours: 24 } })).hits).toEqual([
      { rule: "newAccount", match: "2" },
    ]);
    expect(decideIntake(input({ author: { createdAt }, settings: { minAccountAgeHours: 0 } })).status).toBe("APPROVED");
  });

  it("in pre-moderation holds every reader's comment", () => {
    expect(decideIntake(input({ settings: { moderationMode: "pre" } }))).toEqual({ status: "PENDING", hits: [{ rule: "premoderation" }] });
  });

  it("in first-comment mode holds a reader's comments until one was approved", () => {
    expect(decideIntake(input({ settings: { moderationMode: "first" }, author: { approvedComments: 0 } })).hits).toEqual([
      { rule: "firstComment" },
    ]);
    expect(decideIntake(input({ settings: { moderationMode: "first" }, author: { approvedComments: 1 } })).status).toBe("APPROVED");
  });

  it("holds for a pre-moderated article or person", () => {
    expect(decideIntake(input({ article: { premoderate: true } })).hits).toEqual([{ rule: "articlePremoderate" }]);
    expect(decideIntake(input({ author: { alwaysPremoderate: true } })).hits).toEqual([{ rule: "userPremoderate" }]);
  });

  it("never holds editors and admins", () => {
    expect(
      decideIntake(input({ body: "idiot", settings: { bannedWords: ["idiot"], moderationMode: "pre" }, author: { role: "EDITOR" } }))
        .status,
    ).toBe("APPROVED");
  });

  it("checks an edit for its words only, not for mode or timing", () => {
    const edit = input({
      kind: "edit",
      settings: { moderationMode: "pre", suspectWords: ["mist"] },
      submission: { honeypot: "x", elapsedMs: 1 },
    });
    expect(decideIntake(edit).status).toBe("APPROVED");
    expect(decideIntake({ ...edit, body: "So ein Mist" }).hits).toEqual([{ rule: "suspectWord", match: "Mist" }]);
  });

  it("lets spam win over a rejection, and a rejection over holds", () => {
    const decision = decideIntake(
      input({ body: "idiot https://a https://b https://c", settings: { bannedWords: ["idiot"], moderationMode: "pre" } }),
    );
    expect(decision.status).toBe("REJECTED");
    expect(decision.hits.map((hit) => hit.rule)).toEqual(["bannedWord", "links", "premoderation"]);
    expect(
      decideIntake(input({ body: "idiot", settings: { bannedWords: ["idiot"] }, submission: { honeypot: "x", elapsedMs: 9000 } })).status,
    ).toBe("SPAM");
  });
});
