"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";

import { changeRoleAction } from "@/actions/users";
import { FormMessage, SubmitButton } from "@/components/ui/forms";
import type { Role } from "@/lib/db/client";
import { initialFormState } from "@/lib/forms/state";

const ROLES: Role[] = ["READER", "EDITOR", "ADMIN"];

export function UserRoleForm({ userId, name, role }: { userId: string; name: string; role: Role }) {
  const t = useTranslations("Admin");
  const tRoles = useTranslations("Roles");
  const [state, action] = useActionState(changeRoleAction, initialFormState);
  const message =
    state.ok && state.messageValues
      ? { ...state, messageValues: { ...state.messageValues, role: tRoles(String(state.messageValues.role) as Role) } }
      : state;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="name" value={name} />
      <label htmlFor={`role-${userId}`} className="sr-only">
        {t("roleFor", { name })}
      </label>
      <select
        id={`role-${userId}`}
        name="role"
        defaultValue={role}
        className="rounded border border-stone-400 bg-white px-2 py-1 font-sans text-sm"
      >
        {ROLES.map((value) => (
          <option key={value} value={value}>
            {tRoles(value)}
          </option>
        ))}
      </select>
      <SubmitButton variant="quiet">{t("saveRole")}</SubmitButton>
      <div className="basis-full">
        <FormMessage state={message} namespace="Admin" />
      </div>
    </form>
  );
}
