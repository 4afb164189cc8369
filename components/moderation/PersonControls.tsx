"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { moderateUserAction } from "@/actions/moderation";
import { initialFormState } from "@/lib/forms/state";
import { MODERATION_REASONS } from "@/lib/moderation/policy";

const DAYS = [1, 3, 7, 30, 90];

/** Block a person for some days or until lifted, lift a block, or switch "always pre-moderate". */
export function PersonControls({
  userId,
  name,
  banned,
  premoderated,
}: {
  userId: string;
  name: string;
  banned: boolean;
  premoderated: boolean;
}) {
  const t = useTranslations("Moderation");
  const tReasons = useTranslations("ModerationReasons");
  const tForms = useTranslations("Forms");
  const [state, formAction, pending] = useActionState(moderateUserAction, initialFormState);
  const button = "rounded border px-3 py-1.5 text-sm font-semibold disabled:opacity-50";
  const id = `person-${userId}`;
  return (
    <div className="space-y-2 text-sm">
      <div className="flex flex-wrap gap-2">
        {banned && (
          <form action={formAction}>
            <input type="hidden" name="userId" value={userId} />
            <button
              type="submit"
              name="intent"
              value="lift"
              disabled={pending}
              className={`${button} border-green-800 text-green-900 hover:bg-green-50`}
            >
              {t("unban")}
            </button>
          </form>
        )}
        <form action={formAction}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="on" value={premoderated ? "0" : "1"} />
          <button
            type="submit"
            name="intent"
            value="premoderate"
            disabled={pending}
            className={`${button} border-stone-400 hover:bg-stone-100`}
          >
            {premoderated ? t("premoderateOff") : t("premoderateOn")}
          </button>
        </form>
      </div>
      <details>
        <summary className="cursor-pointer font-semibold text-red-900">
          {t("restrict")}: {name}
        </summary>
        <form action={formAction} className="mt-2 grid gap-2 rounded border border-red-200 bg-red-50 p-3 sm:grid-cols-2">
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="intent" value="restrict" />
          <div>
            <label htmlFor={`${id}-days`} className="block font-semibold">
              {t("duration")}
            </label>
            <select
              id={`${id}-days`}
              name="days"
              defaultValue={state.values?.days ?? "7"}
              className="mt-1 w-full rounded border border-stone-400 bg-white px-2 py-1.5"
            >
              {DAYS.map((days) => (
                <option key={days} value={days}>
                  {t("days", { count: days })}
                </option>
              ))}
              <option value="forever">{t("forever")}</option>
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-reason`} className="block font-semibold">
              {t("reason")}
            </label>
            <select
              id={`${id}-reason`}
              name="reason"
              required
              defaultValue={state.values?.reason ?? ""}
              className="mt-1 w-full rounded border border-stone-400 bg-white px-2 py-1.5"
            >
              <option value="">{t("chooseReason")}</option>
              {MODERATION_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {tReasons(reason)}
                </option>
              ))}
            </select>
          </div>
          <div className="sm:col-span-2">
            <label htmlFor={`${id}-note`} className="block font-semibold">
              {t("note")}
            </label>
            <textarea
              id={`${id}-note`}
              name="note"
              rows={2}
              maxLength={1000}
              defaultValue={state.values?.note ?? ""}
              className="mt-1 block w-full rounded border border-stone-400 bg-white px-2 py-1.5"
            />
          </div>
          <div className="sm:col-span-2">
            <button type="submit" disabled={pending} className={`${button} border-red-800 bg-red-800 text-white hover:bg-red-900`}>
              {t("restrictSubmit")}
            </button>
          </div>
        </form>
      </details>
      <p role="status" className={state.ok ? "text-green-800" : "text-red-800"}>
        {state.message ? (state.ok ? t(state.message as "userDone.lifted") : tForms(state.message, state.messageValues)) : null}
      </p>
    </div>
  );
}
