import type { Db } from "../../lib/db/client";
import type { Ledger } from "./ledger";

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

const list = (markers: string[]) => (markers.length ? `: ${markers.slice(0, 10).join(", ")}${markers.length > 10 ? " …" : ""}` : "");

/**
 * What the database holds against what the server answered: every accepted comment stored
 * once under the id it was answered with, no marker twice, nothing for a refusal, no second
 * row for a double submit, and the counts kept on write equal to the rows.
 */
export async function verifyStored(db: Db, articleId: string, ledger: Ledger) {
  const rows = await db.comment.findMany({
    where: { body: { contains: `soak-${ledger.run}-` } },
    select: { id: true, body: true, status: true },
  });
  const stored = new Map<string, typeof rows>();
  for (const row of rows) {
    const marker = ledger.markerIn(row.body) ?? "?";
    stored.set(marker, [...(stored.get(marker) ?? []), row]);
  }

  const lost: string[] = [];
  const otherId: string[] = [];
  const acceptedTwice: string[] = [];
  const twice: string[] = [];
  const storedThoughRefused: string[] = [];
  const doubleSubmitsTwice: string[] = [];
  const statuses: Record<string, number> = {};
  let accepted = 0;
  let refused = 0;
  let unanswered = 0;
  let doubleSubmits = 0;
  for (const submission of ledger.submissions) {
    const found = stored.get(submission.marker) ?? [];
    stored.delete(submission.marker);
    const ids = new Set(submission.answers.flatMap((answer) => (answer.kind === "accepted" ? [answer.commentId] : [])));
    if (found.length > 1) twice.push(submission.marker);
    if (submission.doubling !== "once") {
      doubleSubmits++;
      if (found.length > 1) doubleSubmitsTwice.push(submission.marker);
    }
    if (ids.size > 0) {
      accepted++;
      if (found.length === 0) lost.push(submission.marker);
      else if (found.length > 1) acceptedTwice.push(submission.marker);
      else if (ids.size > 1 || !ids.has(found[0]!.id)) otherId.push(submission.marker);
      for (const row of found) statuses[row.status] = (statuses[row.status] ?? 0) + 1;
    } else if (submission.answers.every((answer) => answer.kind === "rateLimited" || answer.kind === "refused")) {
      refused++;
      if (found.length > 0) storedThoughRefused.push(submission.marker);
    } else {
      // No answer said yes or no (network error or timeout): that already fails the traffic check.
      unanswered++;
    }
  }
  const neverSent = [...stored.keys()];

  const [kept] = await db.$queryRaw<Array<{ kept: number; actual: bigint }>>`
    SELECT a."commentCount" AS kept, (SELECT count(*) FROM "Comment" c WHERE c."articleId" = a.id AND c.status = 'APPROVED') AS actual
    FROM "Article" a WHERE a.id = ${articleId}`;
  const [replies] = await db.$queryRaw<Array<{ wrong: bigint }>>`
    SELECT count(*) AS wrong FROM "Comment" c WHERE c."articleId" = ${articleId} AND c."replyCount" <>
      (SELECT count(*) FROM "Comment" r WHERE r."parentId" = c.id AND (r.status = 'APPROVED' OR r."replyCount" > 0))`;

  const summary = {
    submissions: ledger.submissions.length,
    accepted,
    refused,
    unanswered,
    doubleSubmits,
    storedRows: rows.length,
    statuses,
  };
  const checks: Check[] = [
    {
      name: "Every accepted comment stored exactly once, under the id it was answered with",
      ok: lost.length + acceptedTwice.length + otherId.length === 0,
      detail: `${accepted - lost.length - acceptedTwice.length - otherId.length} of ${accepted}; lost ${lost.length}${list(lost)}; more than once ${acceptedTwice.length}${list(acceptedTwice)}; under another id ${otherId.length}${list(otherId)}`,
    },
    { name: "No marker stored twice", ok: twice.length === 0, detail: `${twice.length} twice${list(twice)}` },
    {
      name: "Nothing stored for a refused comment",
      ok: storedThoughRefused.length + neverSent.length === 0,
      detail: `${refused} refused, ${storedThoughRefused.length} of them stored${list(storedThoughRefused)}; ${neverSent.length} stored that no one sent${list(neverSent)}`,
    },
    {
      name: "A double submit stores one comment",
      ok: doubleSubmitsTwice.length === 0,
      detail: `${doubleSubmits} double submits, ${doubleSubmitsTwice.length} stored twice${list(doubleSubmitsTwice)}`,
    },
    {
      name: "Counts kept on write match the rows",
      ok: kept !== undefined && Number(kept.actual) === kept.kept && Number(replies?.wrong ?? 1) === 0,
      detail: `article ${kept?.kept} kept / ${kept?.actual} approved; ${replies?.wrong} comments with a wrong reply count`,
    },
  ];
  return { summary, checks };
}
