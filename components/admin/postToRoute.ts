import type { FormsKey } from "@/lib/i18n/keys";

/** A refusal to show: a message key (namespace Forms) and its values. */
export type RouteProblem = { key: FormsKey; values?: Record<string, number> };

/**
 * Posts a form with a file to one of the admin routes (upload, import), which answer JSON with
 * either their result or `{ error, values }`. Gives the result, or the problem to show:
 * the route's own, `fallback` when the answer is not JSON, "networkError" when nothing came back.
 */
export async function postToRoute<T extends object>(
  url: string,
  body: FormData,
  fallback: FormsKey,
): Promise<{ ok: true; answer: T } | { ok: false; problem: RouteProblem }> {
  try {
    const response = await fetch(url, { method: "POST", body });
    const answer = (await response.json().catch(() => ({ error: fallback }))) as T & { error?: FormsKey; values?: Record<string, number> };
    if (typeof answer.error === "string") return { ok: false, problem: { key: answer.error, values: answer.values } };
    return { ok: true, answer };
  } catch {
    return { ok: false, problem: { key: "networkError" } };
  }
}
