import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { can } from "~/auth/permissions";
import type { Role } from "../../db/enums";

export type HeaderUser = { displayName: string; roles: Role[] } | null;

function navClass({ isActive }: { isActive: boolean }) {
  return `rounded px-2 py-1 ${isActive ? "bg-brand-100 text-brand-800 font-semibold" : "text-slate-800 hover:bg-slate-100"}`;
}

export function SiteHeader({ user, locale, elder }: { user: HeaderUser; locale: string; elder: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;

  return (
    <header className="border-b border-slate-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
        {t("nav.skipToContent")}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link to="/" className="text-xl font-bold text-brand-700">
          {t("site.name")}
        </Link>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <Form method="post" action="/preferences" reloadDocument>
            <input type="hidden" name="redirectTo" value={here} />
            <input type="hidden" name="locale" value={locale === "en" ? "zh-CN" : "en"} />
            <button type="submit" className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-50" aria-label={t("prefs.switchToLabel")} lang={locale === "en" ? "zh-CN" : "en"}>
              {t("prefs.switchTo")}
            </button>
          </Form>
          <Form method="post" action="/preferences">
            <input type="hidden" name="redirectTo" value={here} />
            <input type="hidden" name="elder" value={elder ? "0" : "1"} />
            <button type="submit" className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-50" aria-pressed={elder} aria-label={elder ? t("prefs.elderOffLabel") : t("prefs.elderOnLabel")}>
              {elder ? t("prefs.elderOff") : t("prefs.elderOn")}
            </button>
          </Form>
        </div>
      </div>
      <nav aria-label={t("nav.main")} className="mx-auto flex max-w-6xl flex-wrap items-center gap-1 px-4 pb-2 text-base">
        <NavLink to="/" end className={navClass}>
          {t("nav.home")}
        </NavLink>
        {can(user, "verify:organization:any") ? (
          <NavLink to="/official/organizations" className={navClass}>
            {t("nav.officialOrganizations")}
          </NavLink>
        ) : null}
        {can(user, "manage:roles:any") ? (
          <NavLink to="/admin/users" className={navClass}>
            {t("nav.adminUsers")}
          </NavLink>
        ) : null}
        <span className="flex-1" />
        {user ? (
          <>
            <NavLink to="/account" className={navClass}>
              {user.displayName}
            </NavLink>
            <Form method="post" action="/logout">
              <button type="submit" className="rounded px-2 py-1 text-slate-800 hover:bg-slate-100">
                {t("nav.logout")}
              </button>
            </Form>
          </>
        ) : (
          <>
            <NavLink to="/login" className={navClass}>
              {t("nav.login")}
            </NavLink>
            <NavLink to="/signup" className={navClass}>
              {t("nav.signup")}
            </NavLink>
          </>
        )}
      </nav>
    </header>
  );
}
