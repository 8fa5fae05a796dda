/**
 * The one error page: 403, 404 and everything else, in the visitor's
 * language. Used by the root and by any route that wants its own boundary.
 */
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  let status = 500;
  if (isRouteErrorResponse(error)) status = error.status;

  let title: string;
  let body: string;
  if (status === 403) {
    title = t("errors.title403");
    body = t("errors.body403");
  } else if (status === 404) {
    title = t("errors.title404");
    body = t("errors.body404");
  } else if (status >= 500) {
    title = t("errors.title500");
    body = t("errors.body500");
  } else {
    title = t("errors.titleOther");
    body = isRouteErrorResponse(error) && typeof error.data === "string" ? error.data : "";
  }

  return (
    <section className="mx-auto max-w-xl py-16 text-center" aria-labelledby="error-title" data-status={status}>
      <p className="text-6xl font-bold text-brand-700" aria-hidden="true">
        {status}
      </p>
      <h1 id="error-title" className="mt-4 text-2xl font-semibold text-slate-900">
        {title}
      </h1>
      {body ? <p className="mt-3 text-slate-700">{body}</p> : null}
      <p className="mt-8">
        <Link to="/" className="rounded-md bg-brand-700 px-4 py-2 text-white hover:bg-brand-800">
          {t("errors.backHome")}
        </Link>
      </p>
    </section>
  );
}
