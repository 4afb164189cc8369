import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** A full-width message page body: not found, error, unavailable. */
export function Notice({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-xl py-12 text-center">
      <h1 className="text-3xl font-bold">{title}</h1>
      <div className="mt-4 space-y-4 font-sans text-muted">{children}</div>
    </div>
  );
}

/** A dead end (404, 403) with its explanation and the way back to the home page. */
export async function DeadEndNotice({ kind }: { kind: "notFound" | "forbidden" }) {
  const t = await getTranslations("Errors");
  return (
    <Notice title={t(`${kind}Title`)}>
      <p>{t(`${kind}Text`)}</p>
      <p>
        <Link href="/" className="font-semibold text-accent underline">
          {t("backHome")}
        </Link>
      </p>
    </Notice>
  );
}
