import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { fieldRefusal, formAction, type Outcome } from "@/lib/accounts/action";
import { reportCommentSchema } from "@/lib/comments/schema";
import type { FormState } from "@/lib/forms/state";
import { fail } from "@/lib/result";

const session = vi.hoisted(() => ({ user: null as { id: string; role: string } | null }));
const next = vi.hoisted(() => ({ refresh: vi.fn(), redirect: vi.fn() }));

vi.mock("@/lib/accounts/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", () => ({ refresh: next.refresh }));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    next.redirect(to);
    throw new Error(`redirect ${to}`);
  },
}));

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(name, one);
  return data;
};
const START: FormState = { ok: false };
/** What a body answers, typed as the actions type theirs. */
const answer = (outcome: Outcome<FormState>) => async (): Promise<Outcome<FormState>> => outcome;

beforeEach(() => {
  session.user = null;
  next.refresh.mockClear();
  next.redirect.mockClear();
});

describe("who may submit", () => {
  const body = vi.fn(answer({ ok: true, message: "done" }));
  const signedIn = formAction({ access: "signedIn", schema: z.object({ text: z.string() }) }, body);
  const moderators = formAction({ access: "comments.moderate", schema: z.object({ text: z.string() }) }, body);

  it("a signed-out caller is asked to sign in, and keeps what they typed (passwords excepted)", async () => {
    expect(await signedIn(START, form({ text: "Hallo", password: "geheim" }))).toEqual({
      ok: false,
      message: "signInRequired",
      values: { text: "Hallo" },
    });
    expect(body).not.toHaveBeenCalled();
  });

  it("a reader is refused a moderator's form, and so is a signed-out caller", async () => {
    session.user = { id: "r", role: "READER" };
    expect(await moderators(START, form({ text: "x" }))).toMatchObject({ ok: false, message: "forbidden" });
    session.user = null;
    expect(await moderators(START, form({ text: "x" }))).toMatchObject({ ok: false, message: "forbidden" });
    expect(body).not.toHaveBeenCalled();
  });

  it("an editor gets through to the body, which acts for them", async () => {
    session.user = { id: "e", role: "EDITOR" };
    expect(await moderators(START, form({ text: "x" }))).toEqual({ ok: true, message: "done" });
    expect(body).toHaveBeenCalledWith({ text: "x" }, session.user, expect.any(FormData));
  });
});

describe("reading the form", () => {
  it("reads text as storable (no NUL, no broken surrogates), a missing field as empty, a list field whole, and a password as typed", async () => {
    const seen = vi.fn();
    const action = formAction(
      { access: "anyone", schema: z.object({ name: z.string(), missing: z.string(), ids: z.array(z.string()), password: z.string() }) },
      async (input): Promise<Outcome<FormState>> => {
        seen(input);
        return { ok: true };
      },
    );
    await action(START, form({ name: "A\u0000b\ud800", ids: ["1", "2"], password: "p\u0000w" }));
    expect(seen).toHaveBeenCalledWith({ name: "Ab\ufffd", missing: "", ids: ["1", "2"], password: "p\u0000w" });
  });

  const schema = z.object({ title: z.string().min(1, { error: "titleMissing" }), note: z.string().max(3, { error: "noteTooLong" }) });
  const body = answer({ ok: true });

  it("marks every refused field under checkFields, for forms people fill in", async () => {
    const action = formAction({ access: "anyone", schema }, body);
    expect(await action(START, form({ title: "", note: "viel zu lang" }))).toEqual({
      ok: false,
      message: "checkFields",
      fieldErrors: { title: "titleMissing", note: "noteTooLong" },
      values: { title: "", note: "viel zu lang" },
    });
  });

  it("answers with the first refused field as a command would, its limit included", async () => {
    const action = formAction({ access: "anyone", schema, invalid: "first" }, body);
    expect(await action(START, form({ title: "T", note: "viel zu lang" }))).toMatchObject({
      ok: false,
      message: "noteTooLong",
      messageValues: { max: 3 },
      fieldErrors: { note: "noteTooLong" },
    });
  });

  it("refuses a form the site never renders as unexpected", async () => {
    const action = formAction({ access: "anyone", schema, invalid: "unexpected" }, body);
    expect(await action(START, form({ title: "" }))).toEqual({ ok: false, message: "unexpected", values: { title: "" } });
  });
});

describe("the answer", () => {
  const schema = z.object({ text: z.string() });

  it("a command's refusal keeps what was typed, with its field and values", async () => {
    const action = formAction({ access: "anyone", schema }, answer(fail("commentTooLong", "body", { max: 5 })));
    expect(await action(START, form({ text: "Hallo" }))).toEqual({
      ok: false,
      message: "commentTooLong",
      messageValues: { max: 5 },
      fieldErrors: { body: "commentTooLong" },
      values: { text: "Hallo" },
    });
  });

  it("a field refusal shows under checkFields", async () => {
    const action = formAction({ access: "anyone", schema }, answer(fieldRefusal("email", "emailTaken")));
    expect(await action(START, form({ text: "x" }))).toMatchObject({ message: "checkFields", fieldErrors: { email: "emailTaken" } });
  });

  const landing = formAction({ access: "anyone", schema }, answer({ ok: true, message: "commentPosted", landing: "/artikel/a#k" }));

  it("without JavaScript a success lands on its page", async () => {
    await expect(landing(START, form({ text: "x" }))).rejects.toThrow("redirect /artikel/a#k");
    expect(next.refresh).not.toHaveBeenCalled();
  });

  it("with JavaScript the form stays, the page renders afresh, and the landing is not part of the state", async () => {
    expect(await landing(START, form({ text: "x", enhanced: "1" }))).toEqual({ ok: true, message: "commentPosted" });
    expect(next.redirect).not.toHaveBeenCalled();
    expect(next.refresh).toHaveBeenCalledOnce();
  });

  it("refreshes after a success only when asked to", async () => {
    const quiet = formAction({ access: "anyone", schema }, answer({ ok: true }));
    const refreshing = formAction({ access: "anyone", schema, refresh: true }, answer({ ok: true }));
    await quiet(START, form({}));
    expect(next.refresh).not.toHaveBeenCalled();
    await refreshing(START, form({}));
    expect(next.refresh).toHaveBeenCalledOnce();
  });
});

describe("the report form's schema", () => {
  const report = formAction({ access: "anyone", schema: reportCommentSchema, invalid: "first" }, answer({ ok: true }));

  it("refuses a report without a reason as reportComment does", async () => {
    expect(await report(START, form({ commentId: "c" }))).toMatchObject({
      message: "reportReasonMissing",
      fieldErrors: { reason: "reportReasonMissing" },
    });
  });

  it("asks for words of one's own with the reason 'other', and at most 500 characters of them", async () => {
    expect(await report(START, form({ commentId: "c", reason: "OTHER", details: "  " }))).toMatchObject({
      message: "reportDetailsMissing",
      fieldErrors: { details: "reportDetailsMissing" },
    });
    expect(await report(START, form({ commentId: "c", reason: "ABUSE", details: "x".repeat(501) }))).toMatchObject({
      message: "reportDetailsTooLong",
      messageValues: { max: 500 },
      fieldErrors: { details: "reportDetailsTooLong" },
    });
    expect(await report(START, form({ commentId: "c", reason: "ABUSE", details: ` ${"x".repeat(500)} ` }))).toEqual({ ok: true });
  });
});
