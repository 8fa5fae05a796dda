/**
 * Switches language or elder mode. A plain form POST, so it works without
 * JavaScript; redirects back to the page the visitor was on.
 */
import { redirect, type ActionFunctionArgs } from "@remix-run/node";

import { isLocale } from "~/locales";
import { withoutLangParam } from "~/sharing/urls";
import { getPreferences, serializePreferences } from "~/utils/preferences.server";
import { safeRedirectPath } from "~/utils/redirect";

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const prefs = await getPreferences(request);
  const locale = form.get("locale");
  const elder = form.get("elder");
  if (isLocale(locale)) prefs.locale = locale;
  if (elder === "1" || elder === "0") prefs.elder = elder === "1";
  const back = safeRedirectPath(form.get("redirectTo"));
  // A `?lang=` in the page's address would override the language just chosen.
  return redirect(isLocale(locale) ? withoutLangParam(back) : back, {
    headers: { "Set-Cookie": await serializePreferences(prefs) },
  });
}

export async function loader() {
  return redirect("/");
}
