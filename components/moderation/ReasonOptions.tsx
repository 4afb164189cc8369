import { useTranslations } from "next-intl";

import { MODERATION_REASONS } from "@/lib/moderation/policy";

/** The moderation reasons as the options of a select, in the editor's language. */
export function ReasonOptions() {
  const tReasons = useTranslations("ModerationReasons");
  return MODERATION_REASONS.map((reason) => (
    <option key={reason} value={reason}>
      {tReasons(reason)}
    </option>
  ));
}
