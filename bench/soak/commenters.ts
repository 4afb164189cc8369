import type { CommentFormState } from "../../actions/comments";
import { articlePath } from "../../lib/articles/paths";
import { replayHeaders, type CapturedRequest } from "../sessions";
import type { Answer, Doubling, Ledger, Submission } from "./ledger";
import { between, sleep, type Outcome, type TrafficLog } from "./traffic";

const TEXTS = [
  "Das sehe ich anders: **die Zahlen** des Haushalts sprechen eine andere Sprache.",
  "Danke für die gründliche Recherche. Eine Frage bleibt: *wer* zahlt am Ende?",
  "> Ein klares Nein\n\nGenau das hätte man vor einem Jahr schon sagen können.",
  "Guter Punkt. Mehr dazu steht im [Bericht des Ausschusses](https://example.org/bericht).",
  "Zwei Anmerkungen:\n\n- Der Zeitplan ist unrealistisch.\n- Die Kosten fehlen ganz.",
  "Ich lese hier seit Jahren mit und finde, diese Debatte kommt zu spät.",
];
const QUICK_TEXTS = ["Genau so!", "Stimmt.", "Sehr gut auf den Punkt gebracht.", "Danke!"];

/** The requests commenters make, as the results name them. */
export const COMMENTER_REQUESTS = [
  "article page, signed in",
  "comment post",
  "double submit, second send",
  "resend after rate limit",
] as const;
const [PAGE, POST, SECOND_SEND, RESEND] = COMMENTER_REQUESTS;

/** How a commenter writes: seconds of typing, and the share of quick posts and of double submits. */
export interface Pace {
  typingSeconds: readonly [number, number];
  /** Posts sent within a second of the form appearing (a short "+1"); the site files them as spam. */
  quickShare: number;
  doubleShare: number;
}

export interface Clock {
  done(): boolean;
  /** Milliseconds until the soak ends. */
  left(): number;
}

/**
 * The comment form's server action as the browser calls it (captured once), sent for many
 * submissions: each with its own text, idempotency key, form stamp and, for replies, parent.
 */
export async function commentPoster(captured: CapturedRequest) {
  const template = await new Response(captured.body, { headers: { "content-type": captured.headers["content-type"]! } }).formData();
  // React prefixes the form's fields by the argument they belong to ("_1_body").
  const prefix = [...template.keys()].find((name) => name.endsWith("body"))?.slice(0, -"body".length);
  if (prefix === undefined) throw new Error("The captured comment post has no body field.");
  const headers = replayHeaders(captured.headers, ["content-type"]);
  return (fields: { body: string; idempotencyKey: string; formStamp: string; parentId?: string }, cookie: string): RequestInit => {
    const form = new FormData();
    for (const [name, value] of template) form.append(name, value);
    for (const [name, value] of Object.entries(fields)) if (value !== undefined) form.set(`${prefix}${name}`, value);
    return { method: "POST", headers: { ...headers, cookie }, body: form };
  };
}

/**
 * The action's result in its React Server Components answer: row 0 names the row that holds
 * it ("a":"$@1"), the rest is the refreshed page.
 */
export function actionResult(flight: string): CommentFormState | null {
  const row = /(?:^|\n)0:\{"a":"\$@([0-9a-f]+)"/.exec(flight)?.[1];
  const json = row && new RegExp(`(?:^|\\n)${row}:(\\{[^\\n]*)`).exec(flight)?.[1];
  if (!json) return null;
  try {
    return JSON.parse(json) as CommentFormState;
  } catch {
    return null;
  }
}

function answerOf(outcome: Outcome, traffic: TrafficLog, marker: string): Answer {
  if (!("status" in outcome)) return { kind: "failed", detail: outcome.error };
  if (outcome.status !== 200) {
    // 3xx and above are already problems of the traffic log; any other answer than 200 is one too.
    if (outcome.status < 300) traffic.problem(`post ${marker}: HTTP ${outcome.status} instead of the action's result`);
    return { kind: "failed", detail: `HTTP ${outcome.status}` };
  }
  const result = actionResult(outcome.text);
  if (!result) {
    traffic.problem(`post ${marker}: no action result in the answer (${outcome.text.slice(0, 120)})`);
    return { kind: "failed", detail: "no action result" };
  }
  if (result.ok && result.commentId) return { kind: "accepted", commentId: result.commentId, pending: result.message === "commentPending" };
  if (result.message === "commentRateLimited") return { kind: "rateLimited", seconds: Number(result.messageValues?.seconds ?? 60) };
  traffic.problem(`post ${marker}: refused with ${result.message}`);
  return { kind: "refused", message: String(result.message) };
}

/**
 * One signed-in commenter until the clock runs out: opens the article (which renders the form
 * with its signed time stamp), types for a while, and posts a comment or a reply. Some posts are
 * sent twice (double submit); a rate-limit refusal is sent again, same text and key, once the
 * given seconds have passed — as the form does, which keeps both.
 */
export async function commenter(
  site: { base: string; slug: string },
  me: { index: number; cookie: string; pace: Pace },
  post: Awaited<ReturnType<typeof commentPoster>>,
  traffic: TrafficLog,
  ledger: Ledger,
  clock: Clock,
) {
  const article = `${site.base}${articlePath(site.slug)}`;
  const send = async (kind: string, submission: Submission, request: RequestInit) => {
    const answer = answerOf(await traffic.request(kind, article, request), traffic, submission.marker);
    ledger.record(submission, answer);
    return answer;
  };

  while (!clock.done()) {
    const page = await traffic.request(PAGE, article, { headers: { cookie: me.cookie } });
    if (!("status" in page) || page.status !== 200) {
      await sleep(1000);
      continue;
    }
    const formStamp = /name="formStamp" value="([^"]+)"/.exec(page.text)?.[1];
    if (!formStamp) {
      traffic.problem(`commenter ${me.index}: the article page has no comment form`);
      await sleep(1000);
      continue;
    }
    const onPage = [...page.text.matchAll(/id="comment-([^"]+)"/g)].map((match) => match[1]!).filter((id) => !id.endsWith("-author"));

    const quick = Math.random() < me.pace.quickShare;
    const typing = quick ? between(0, 1000) : between(me.pace.typingSeconds[0] * 1000, me.pace.typingSeconds[1] * 1000);
    if (typing >= clock.left()) break;
    await sleep(typing);

    const roll = Math.random();
    const parentId =
      quick || roll >= 0.7
        ? (ledger.recentPublished(30)?.id ?? onPage[0])
        : roll >= 0.4
          ? onPage[between(0, onPage.length - 1)]
          : undefined;
    const doubling: Doubling =
      Math.random() >= me.pace.doubleShare ? "once" : Math.random() < 0.5 ? "twice at once" : "again after the answer";
    const submission = ledger.submission(me.index, { reply: !!parentId, quick, doubling });
    const text = quick ? QUICK_TEXTS[between(0, QUICK_TEXTS.length - 1)] : TEXTS[between(0, TEXTS.length - 1)];
    const request = () => post({ body: `${text}\n\n${submission.marker}`, idempotencyKey: submission.key, formStamp, parentId }, me.cookie);

    let answers: Answer[];
    if (doubling === "twice at once")
      answers = await Promise.all([send(POST, submission, request()), send(SECOND_SEND, submission, request())]);
    else {
      answers = [await send(POST, submission, request())];
      if (doubling === "again after the answer") answers.push(await send(SECOND_SEND, submission, request()));
    }
    // Refused for posting too fast: wait as told, then send the same again (at most three times).
    for (let retry = 0; retry < 3 && !answers.some((answer) => answer.kind === "accepted"); retry++) {
      const limited = answers.find((answer) => answer.kind === "rateLimited");
      if (!limited || limited.seconds * 1000 >= clock.left()) break;
      await sleep(limited.seconds * 1000);
      answers = [await send(RESEND, submission, request())];
    }
  }
}
