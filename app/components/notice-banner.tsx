/** Shows the confirmation named by `?notice=` (see app/utils/notice.ts) above the page. */
import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { noticeFrom } from "~/utils/notice";

export function NoticeBanner() {
  const { search } = useLocation();
  const { t } = useTranslation();
  const key = noticeFrom(search);
  return (
    <div role="status" aria-live="polite" className="empty:hidden">
      {key ? (
        <p className="mb-4 rounded-md border border-green-700 bg-green-50 px-4 py-3 text-green-900" data-notice={key}>
          {t(`notice:${key}`)}
        </p>
      ) : null}
    </div>
  );
}
