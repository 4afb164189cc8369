import { getTranslations } from "next-intl/server";

import { oauthSignInAction } from "@/actions/account";
import { oauthProviders } from "@/lib/accounts/auth";

/** One button per OAuth provider that has its client id and secret configured; nothing otherwise. */
export async function OAuthButtons({ callbackUrl }: { callbackUrl: string }) {
  const providers = oauthProviders();
  if (providers.length === 0) return null;
  const t = await getTranslations("Auth");
  return (
    <div className="mt-6 border-t border-rule pt-4 font-sans">
      <p className="text-center text-sm text-muted">{t("orWith")}</p>
      <div className="mt-3 space-y-2">
        {providers.map((provider) => (
          <form key={provider.id} action={oauthSignInAction}>
            <input type="hidden" name="provider" value={provider.id} />
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <button
              type="submit"
              className="w-full rounded border border-stone-400 bg-white px-4 py-2 text-sm font-semibold hover:border-ink"
            >
              {t("withProvider", { provider: provider.name })}
            </button>
          </form>
        ))}
      </div>
    </div>
  );
}
