/** Previous / next links for a paginated list; keeps the other query parameters (not a notice). */
import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { NOTICE_PARAM } from "~/utils/notice";

export function Pager({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  if (pageCount <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(search);
    params.delete(NOTICE_PARAM);
    if (target <= 1) params.delete("page");
    else params.set("page", String(target));
    const qs = params.toString();
    return qs ? `${pathname}?${qs}` : pathname;
  };
  const linkClass = "rounded-md border border-slate-500 bg-white px-3 py-1.5 text-slate-900 hover:bg-slate-100";
  return (
    <nav aria-label={t("admin:pager.label")} className="mt-4 flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} className={linkClass} rel="prev" data-control>
          {t("admin:pager.previous")}
        </Link>
      ) : null}
      <span className="text-slate-700">{t("admin:pager.page", { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} className={linkClass} rel="next" data-control>
          {t("admin:pager.next")}
        </Link>
      ) : null}
    </nav>
  );
}
