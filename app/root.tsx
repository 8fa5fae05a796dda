import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { getCurrentUser, sessionRenewalCookie } from "./auth/current-user.server";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { NoticeBanner } from "./components/notice-banner";
import { FocusMainOnNavigation } from "./components/route-focus";
import { SiteHeader } from "./components/site-header";
import { DEFAULT_LOCALE } from "./locales";
import stylesheet from "./tailwind.css?url";
import { unreadCount } from "./notifications/inbox.server";
import { db } from "./utils/db.server";
import { env } from "./utils/env.server";
import { pageMeta } from "./utils/meta";
import { getPreferences, rememberUrlLanguage } from "./utils/preferences.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [prefs, user, renewal, language] = await Promise.all([
    getPreferences(request),
    getCurrentUser(request),
    sessionRenewalCookie(request),
    rememberUrlLanguage(request),
  ]);
  const headers = new Headers();
  for (const cookie of [renewal, language]) if (cookie) headers.append("Set-Cookie", cookie);
  return json(
    {
      locale: prefs.locale,
      elder: prefs.elder,
      /** For absolute addresses in the head (canonical, alternates, previews): app/utils/meta.ts. */
      publicUrl: env().PUBLIC_URL,
      user: user ? { displayName: user.displayName, roles: user.roles, unread: await unreadCount(await db(), user.id) } : null,
    },
    { headers },
  );
}

/** Used when a page has no meta of its own, and for errors that reach the root. */
export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export type RootData = Awaited<ReturnType<typeof loader>>;

function Document({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { t } = useTranslation();
  const locale = data?.locale ?? DEFAULT_LOCALE;
  const elder = data?.elder ?? false;
  return (
    <html lang={locale} data-elder={elder ? "1" : "0"} className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-full flex-col bg-slate-50 text-slate-900 antialiased">
        <SiteHeader user={data?.user ?? null} locale={locale} elder={elder} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 focus:outline-none">
          <NoticeBanner />
          {children}
        </main>
        <footer className="border-t border-slate-200 bg-white">
          <div className="mx-auto max-w-6xl px-4 py-4 text-sm text-slate-700">
            <p>{t("footer.about")}</p>
            <p className="elder-hide">{t("footer.district")}</p>
            <p>
              <a href="/developers" className="inline-flex min-h-11 items-center text-brand-800 underline underline-offset-2" data-control>
                {t("footer.api")}
              </a>
            </p>
          </div>
        </footer>
        <FocusMainOnNavigation mainId="main" />
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  return <Document>{children}</Document>;
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
