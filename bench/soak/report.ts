import type { machine } from "../report";
import type { Ledger } from "./ledger";
import type { TrafficLog } from "./traffic";
import type { Check } from "./verify";

/** What the commenters sent and what they were answered, by submission and by answer. */
export function postingSummary(ledger: Ledger) {
  const submissions = ledger.submissions;
  const answers = submissions.flatMap((submission) => submission.answers);
  const count = (kind: string) => answers.filter((answer) => answer.kind === kind).length;
  return {
    submissions: submissions.length,
    replies: submissions.filter((submission) => submission.reply).length,
    quick: submissions.filter((submission) => submission.quick).length,
    twiceAtOnce: submissions.filter((submission) => submission.doubling === "twice at once").length,
    againAfterAnswer: submissions.filter((submission) => submission.doubling === "again after the answer").length,
    answers: { accepted: count("accepted"), rateLimited: count("rateLimited"), refused: count("refused"), failed: count("failed") },
    acceptedPublished: submissions.filter((submission) =>
      submission.answers.some((answer) => answer.kind === "accepted" && !answer.pending),
    ).length,
    acceptedPending: submissions.filter((submission) => submission.answers.some((answer) => answer.kind === "accepted" && answer.pending))
      .length,
    rateLimitedSubmissions: submissions.filter((submission) => submission.answers.some((answer) => answer.kind === "rateLimited")).length,
  };
}

export interface SoakResults {
  date: string;
  machine: ReturnType<typeof machine>;
  load: { seconds: number; readers: number; commenters: number; doubleSubmitShare: number; settings: Record<string, number | string> };
  passed: boolean;
  checks: Check[];
  traffic: ReturnType<TrafficLog["summary"]>;
  posting: ReturnType<typeof postingSummary>;
  stored: {
    submissions: number;
    accepted: number;
    refused: number;
    unanswered: number;
    doubleSubmits: number;
    storedRows: number;
    statuses: Record<string, number>;
  };
  serverRssMiB: { start: number; max: number; end: number; timeline: Array<[number, number]> };
  problems: { total: number; first: string[] };
  serverLogErrors: string[];
}

export function markdown(r: SoakResults) {
  const statuses = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([label, count]) => `${count} × ${label}`)
      .join(", ");
  const p = r.posting;
  return `Soak of ${r.date.slice(0, 16).replace("T", " ")} UTC on ${r.machine.cpus} cores (${r.machine.model ?? "?"}), Node ${r.machine.node}, ${r.machine.database} PostgreSQL: ${r.load.seconds} s, ${r.load.readers} anonymous readers and ${r.load.commenters} signed-in commenters on loopback; settings ${Object.entries(
    r.load.settings,
  )
    .map(([key, value]) => `${key} ${value}`)
    .join(", ")}.

**${r.passed ? "Passed" : "FAILED"}**

| Check | | Detail |
|---|---|---|
${r.checks.map((check) => `| ${check.name} | ${check.ok ? "✓" : "✗"} | ${check.detail} |`).join("\n")}

| Requests | Count | Statuses | Errors | p50 | p99 | per s |
|---|---|---|---|---|---|---|
${r.traffic.map((kind) => `| ${kind.kind} | ${kind.requests} | ${statuses(kind.statuses)} | ${kind.errors} | ${kind.p50} ms | ${kind.p99} ms | ${kind.perSecond} |`).join("\n")}

| Comments | |
|---|---|
| Submissions (own marker text and idempotency key each) | ${p.submissions}: ${p.replies} replies, ${p.quick} sent within a second of the form, ${p.twiceAtOnce} sent twice at once, ${p.againAfterAnswer} sent again after the answer |
| Accepted | ${p.acceptedPublished} published, ${p.acceptedPending} waiting for review (filed as too quick) |
| Rate-limit refusals | ${p.answers.rateLimited} answers to ${p.rateLimitedSubmissions} submissions (sent again once the wait was over) |
| Other refusals, failed answers | ${p.answers.refused}, ${p.answers.failed} |
| Rows stored with a marker | ${r.stored.storedRows} (${statuses(r.stored.statuses)}) |

Server memory (RSS): ${r.serverRssMiB.start} MiB at the start, ${r.serverRssMiB.max} MiB at most, ${r.serverRssMiB.end} MiB at the end.
${
  r.problems.total
    ? `\nProblems (${r.problems.total}; the first ten):\n\n${r.problems.first
        .slice(0, 10)
        .map((problem) => `- ${problem}`)
        .join("\n")}\n`
    : ""
}${
    r.serverLogErrors.length
      ? `\nServer log, error lines (${r.serverLogErrors.length}; the first five):\n\n${r.serverLogErrors
          .slice(0, 5)
          .map((line) => `- \`${line.slice(0, 200)}\``)
          .join("\n")}\n`
      : ""
  }`;
}
