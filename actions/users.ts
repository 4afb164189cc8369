"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { changeRole } from "@/lib/accounts/roles";
import { roleSchema } from "@/lib/accounts/schema";
import { currentUserWithRole } from "@/lib/accounts/session";
import { db } from "@/lib/db/client";
import { failure, type FormState } from "@/lib/forms/state";

const roleChangeSchema = z.object({ userId: z.string().min(1), role: roleSchema, name: z.string().max(200) });

export async function changeRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await currentUserWithRole(["ADMIN"]);
  if (!actor) return failure(formData, "forbidden");
  const parsed = roleChangeSchema.safeParse({
    userId: formData.get("userId"),
    role: formData.get("role"),
    name: formData.get("name") ?? "",
  });
  if (!parsed.success) return failure(formData, "unexpected");
  const result = await changeRole(db(), actor, parsed.data.userId, parsed.data.role);
  if (!result.ok) return failure(formData, result.error);
  revalidatePath("/admin/benutzer");
  return { ok: true, message: "roleChanged", messageValues: { name: parsed.data.name, role: parsed.data.role } };
}
