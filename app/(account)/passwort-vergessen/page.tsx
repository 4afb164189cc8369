import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { AuthPage } from "@/components/account/AuthPage";
import { ResetRequestForm } from "@/components/account/PasswordResetForms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Auth"))("resetRequestTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("Auth");
  return (
    <AuthPage title={t("resetRequestTitle")} intro={t("resetRequestIntro")}>
      <ResetRequestForm />
    </AuthPage>
  );
}
