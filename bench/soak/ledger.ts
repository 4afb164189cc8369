import { randomBytes, randomUUID } from "node:crypto";

/** What the server answered to one send of a comment. */
export type Answer =
  | { kind: "accepted"; commentId: string; pending: boolean }
  | { kind: "rateLimited"; seconds: number }
  | { kind: "refused"; message: string }
  | { kind: "failed"; detail: string };

/** How a submission was sent: once, twice at once (a double click), or again after its answer (a retry). */
export type Doubling = "once" | "twice at once" | "again after the answer";

/** One comment a commenter wrote: its marker text and idempotency key, and every answer to it. */
export interface Submission {
  marker: string;
  key: string;
  commenter: number;
  reply: boolean;
  /** Sent sooner after the form appeared than the site's minSubmitSeconds: filed as spam. */
  quick: boolean;
  doubling: Doubling;
  answers: Answer[];
}

/**
 * Everything the commenters sent, to be checked against the database at the end; and the
 * comments already published, for readers' permalinks and commenters' replies.
 */
export class Ledger {
  readonly run = randomBytes(3).toString("hex");
  readonly submissions: Submission[] = [];
  private readonly published: Array<{ id: string; marker: string }> = [];

  submission(commenter: number, details: Pick<Submission, "reply" | "quick" | "doubling">): Submission {
    const submission = {
      marker: `soak-${this.run}-c${commenter}-${this.submissions.length}`,
      key: randomUUID(),
      commenter,
      answers: [],
      ...details,
    };
    this.submissions.push(submission);
    return submission;
  }

  record(submission: Submission, answer: Answer) {
    const first = !submission.answers.some((earlier) => earlier.kind === "accepted");
    submission.answers.push(answer);
    if (answer.kind === "accepted" && !answer.pending && first) this.published.push({ id: answer.commentId, marker: submission.marker });
  }

  randomPublished() {
    return this.published[Math.floor(Math.random() * this.published.length)];
  }

  /** One of the last `count` published comments: people answer what is new. */
  recentPublished(count: number) {
    return this.published[this.published.length - 1 - Math.floor(Math.random() * Math.min(count, this.published.length))];
  }

  /** The marker of this run in a stored comment's text. */
  markerIn(body: string): string | null {
    return new RegExp(`soak-${this.run}-c\\d+-\\d+`).exec(body)?.[0] ?? null;
  }
}
