"use server";

import { refresh, revalidatePath } from "next/cache";
import { redirect } from "next/navigation";

import { currentUserWithRole } from "@/lib/accounts/session";
import { createSection, deleteSection, updateSection } from "@/lib/articles/sections";
import { db } from "@/lib/db/client";
import { formText, refusal, type FormState } from "@/lib/forms/state";

const positionOf = (formData: FormData) => Number(formText(formData, "position") || 0) || 0;

/** Add, rename/reorder or delete a section, depending on the button pressed. */
export async function sectionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await currentUserWithRole(["ADMIN"]);
  if (!actor) return { ok: false, message: "forbidden" };
  const intent = formText(formData, "intent");
  const id = formText(formData, "id");
  const input = { name: formText(formData, "name"), position: positionOf(formData) };
  const result =
    intent === "create"
      ? await createSection(db(), actor, input)
      : intent === "delete"
        ? await deleteSection(db(), actor, id)
        : await updateSection(db(), actor, id, input);
  if (!result.ok) return refusal(formData, result);
  // The deleted section's row (and its message) disappear; the page says what happened.
  if (intent === "delete") {
    // The navigation in the root layout lists the sections: render it afresh too.
    revalidatePath("/", "layout");
    redirect("/admin/rubriken?geloescht=1");
  }
  refresh();
  return { ok: true, message: intent === "create" ? "sectionCreated" : "sectionSaved" };
}
