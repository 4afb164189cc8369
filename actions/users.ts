"use server";

import { revalidatePath } from "next/cache";

import { formAction, type Outcome } from "@/lib/accounts/action";
import { changeRole } from "@/lib/accounts/roles";
import { roleChangeSchema } from "@/lib/accounts/schema";
import type { FormState } from "@/lib/forms/state";

/** Gives a person a role; the form names them, for the answer. */
export const changeRoleAction = formAction(
  { access: "users.manage", schema: roleChangeSchema, invalid: "unexpected" },
  async ({ userId, role, name }, actor): Promise<Outcome<FormState>> => {
    const result = await changeRole({ actor, targetId: userId, role });
    if (!result.ok) return result;
    revalidatePath("/admin/benutzer");
    return { ok: true, message: "roleChanged", messageValues: { name, role } };
  },
);
