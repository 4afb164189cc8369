import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { isDevelopmentSite } from "@/lib/env";
import { listOutbox } from "@/lib/mail/outbox";

export const metadata: Metadata = { title: "Outbox", robots: { index: false } };

/**
 * Development only: the mails Agora would have sent, when no SMTP_URL is configured.
 * A developer tool, not part of the product, so it is not translated.
 */
export default async function OutboxPage() {
  if (!isDevelopmentSite()) notFound();
  const mails = await listOutbox(50);
  return (
    <div className="py-6 font-sans">
      <h1 className="font-serif text-3xl font-bold">Outbox</h1>
      <p className="mt-2 text-sm text-muted">Mails written to .data/outbox because SMTP_URL is not set. Newest first.</p>
      {mails.length === 0 && <p className="mt-6">No mails yet.</p>}
      <ol className="mt-6 space-y-4">
        {mails.map((mail) => (
          <li key={mail.id} className="rounded border border-rule bg-white p-4">
            <p className="text-sm text-muted">
              {mail.date} · to {mail.to}
            </p>
            <h2 className="mt-1 font-semibold">{mail.subject}</h2>
            <pre className="mt-2 text-sm break-words whitespace-pre-wrap">
              {mail.text.split(/(https?:\/\/\S+)/).map((part, index) =>
                /^https?:\/\//.test(part) ? (
                  <a key={index} href={part} className="text-accent underline">
                    {part}
                  </a>
                ) : (
                  part
                ),
              )}
            </pre>
          </li>
        ))}
      </ol>
    </div>
  );
}
