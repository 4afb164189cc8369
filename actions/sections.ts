"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";

import { createSection, deleteSection, updateSection } from "@/lib/articles/sections";
import { db } from "@/lib/db/client";
import { formAction, type Outcome } from "@/lib/forms/action";
import type { FormState } from "@/lib/forms/state";

const sectionSchema = z.object({
  intent: z.string(),
  id: z.string(),
  name: z.string(),
  position: z.string().transform((position) => Number(position || 0) || 0),
});

/** Add, rename/reorder or delete a section, depending on the button pressed. */
export const sectionAction = formAction(
  { access: "sections.manage", schema: sectionSchema, refresh: true },
  async ({ intent, id, name, position }, actor): Promise<Outcome<FormState>> => {
    const result =
      intent === "create"
        ? await createSection(db(), actor, { name, position })
        : intent === "delete"
          ? await deleteSection(db(), actor, id)
          : await updateSection(db(), actor, id, { name, position });
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
