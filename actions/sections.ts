"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { formAction, type Outcome } from "@/lib/accounts/action";
import { sectionFormSchema } from "@/lib/articles/schema";
import { createSection, deleteSection, updateSection } from "@/lib/articles/sections";
import type { FormState } from "@/lib/forms/state";

/** Add, rename/reorder or delete a section, depending on the button pressed. */
export const sectionAction = formAction(
  { access: "sections.manage", schema: sectionFormSchema, refresh: true },
  async ({ intent, id, name, position }, actor): Promise<Outcome<FormState>> => {
    const result =
      intent === "create"
        ? await createSection({ actor, input: { name, position } })
        : intent === "delete"
          ? await deleteSection({ actor, id })
          : await updateSection({ actor, id, input: { name, position } });
    if (!result.ok) return result;
    // The deleted section's row (and its message) disappear; the page says what happened.
    if (intent === "delete") {
      // The navigation in the root layout lists the sections: render it afresh too.
      revalidatePath("/", "layout");
      redirect("/admin/rubriken?geloescht=1");
    }
    return { ok: true, message: intent === "create" ? "sectionCreated" : "sectionSaved" };
  },
);
