/**
 * A record's history from the audit log: who did what, when and why, oldest
 * first. Labels come from `my:timeline.actions.<entity>.<action>`; an action
 * without a label shows its status change.
 */
import { useTranslation } from "react-i18next";

import { formatDateTime } from "~/components/date-format";

export type TimelineItem = {
  id: number;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  at: string;
  actorName: string | null;
};

export function Timeline({ entries, locale, labelledBy }: { entries: TimelineItem[]; locale: string; labelledBy?: string }) {
  const { t } = useTranslation();
  if (!entries.length) return null;
  const status = (s: string) => t(`workflow:statuses.${s}`, { defaultValue: s });
  return (
    <ol className="mt-2 space-y-3 border-l-4 border-brand-100 pl-4" aria-labelledby={labelledBy}>
      {entries.map((e) => {
        const label = t(`my:timeline.actions.${e.action}`, { defaultValue: "" }) || t("my:timeline.generic");
        const changed = e.fromStatus && e.toStatus && e.fromStatus !== e.toStatus;
        const created = !e.fromStatus && e.toStatus;
        return (
          <li key={e.id} className="text-base" data-action={e.action}>
            <p>
              <time dateTime={e.at} className="text-slate-700">
                {formatDateTime(e.at, locale)}
              </time>{" "}
              · <span className="font-medium">{e.actorName ?? t("my:timeline.unknownActor")}</span> · {label}
              {changed ? <span className="text-slate-700"> ({t("my:timeline.change", { from: status(e.fromStatus!), to: status(e.toStatus!) })})</span> : null}
              {created ? <span className="text-slate-700"> ({t("my:timeline.to", { to: status(e.toStatus!) })})</span> : null}
            </p>
            {e.reason ? <p className="text-slate-800">{t("my:timeline.reason", { reason: e.reason })}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
