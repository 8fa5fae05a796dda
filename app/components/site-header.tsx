/**
 * The header: site name, language and elder-mode switches (plain form posts),
 * the public navigation, and a second row with what the signed-in user's
 * roles let them do. The links only mirror permissions; every page checks
 * them again on the server.
 */
import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { can, type Permission } from "~/auth/permissions";
import type { Role } from "../../db/enums";

export type HeaderUser = { displayName: string; roles: Role[]; unread: number } | null;

function navClass({ isActive }: { isActive: boolean }) {
  return `inline-block rounded px-2 py-1 ${isActive ? "bg-brand-100 font-semibold text-brand-800" : "text-slate-800 hover:bg-slate-100"}`;
}

type Item = { to: string; label: string; when?: Permission | "signed-in"; end?: boolean };

export function SiteHeader({ user, locale, elder }: { user: HeaderUser; locale: string; elder: boolean }) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;

  const publicItems: Item[] = [
    { to: "/", label: t("nav.home"), end: true },
    { to: "/demands", label: t("nav.demands") },
    { to: "/applications", label: t("nav.applications") },
    { to: "/lists", label: t("nav.lists") },
    { to: "/organizations", label: t("nav.organizations") },
    { to: "/subdistricts", label: t("nav.subdistricts") },
    { to: "/stats", label: t("nav.stats") },
    { to: "/data", label: t("nav.openData") },
    { to: "/search", label: t("nav.search") },
  ];
  const workItems: Item[] = [
    { to: "/demands/new", label: t("nav.newDemand"), when: "create:demand:own" },
    { to: "/intake/new", label: t("nav.intake"), when: "create:demand:on-behalf" },
    { to: "/applications/new", label: t("nav.newApplication"), when: "create:application:own" },
    { to: "/my", label: t("nav.my"), when: "signed-in" },
    { to: "/review", label: t("nav.review"), when: "review:item:assigned" },
    { to: "/official/campaigns", label: t("nav.campaigns"), when: "manage:campaign:any" },
    { to: "/official/import", label: t("nav.import"), when: "import:item:any" },
    { to: "/official/organizations", label: t("nav.officialOrganizations"), when: "verify:organization:any" },
    { to: "/official/audit", label: t("nav.audit"), when: "read:item:any" },
    { to: "/official/search", label: t("nav.searchStatus"), when: "read:item:any" },
    { to: "/admin/users", label: t("nav.adminUsers"), when: "manage:roles:any" },
  ];
  const visibleWork = workItems.filter((item) => item.when === "signed-in" ? !!user : item.when ? can(user, item.when) : true);

  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
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
            {/* A toggle: the same visible name in both states (WCAG 2.5.3), the state in aria-pressed. */}
            <button type="submit" className="rounded border border-slate-300 px-3 py-1.5 hover:bg-slate-50 aria-pressed:bg-brand-100" aria-pressed={elder} title={elder ? t("prefs.elderOffLabel") : t("prefs.elderOnLabel")}>
              {t("prefs.elderOn")}
            </button>
          </Form>
          {user ? (
            <>
              <NavLink to="/inbox" className={navClass} aria-label={t("nav.inboxLabel", { count: user.unread })}>
                {t("nav.inbox")}
                {user.unread > 0 ? (
                  <span className="ml-1 rounded-full bg-red-700 px-1.5 text-xs font-bold text-white" aria-hidden="true">
                    {user.unread > 99 ? "99+" : user.unread}
                  </span>
                ) : null}
              </NavLink>
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
        </div>
      </div>
      <nav aria-label={t("nav.main")} className="mx-auto max-w-6xl px-4 pb-2">
        <ul className="flex flex-wrap items-center gap-1 text-base">
          {publicItems.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.end} className={navClass}>
                {item.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {visibleWork.length > 0 ? (
        <nav aria-label={t("nav.work")} className="border-t border-slate-100 bg-slate-50">
          <ul className="mx-auto flex max-w-6xl flex-wrap items-center gap-1 px-4 py-1 text-sm">
            {visibleWork.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} className={navClass}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
