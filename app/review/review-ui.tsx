/** Small shared pieces of the review pages: badges, a progress bar, score formatting. */
import { useTranslation } from "react-i18next";

/** A weighted score (0..1) as points out of 100, e.g. 0.7325 → "73.3". */
export function formatWeighted(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : (value * 100).toFixed(1);
}

/** A normalised (z) score with its sign, e.g. "+0.85", "−0.12". */
export function formatZ(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const fixed = Math.abs(value).toFixed(2);
  if (fixed === "0.00") return "0.00";
  return `${value > 0 ? "+" : "−"}${fixed}`;
}

const STATUS_CLASS: Record<string, string> = {
  assigned: "bg-amber-100 text-amber-950",
  submitted: "bg-green-100 text-green-900",
  recused: "bg-slate-200 text-slate-800",
};

export function AssignmentStatusBadge({ status }: { status: "assigned" | "submitted" | "recused" }) {
  const { t } = useTranslation();
  return (
    <span className={`rounded px-2 py-0.5 text-sm font-medium ${STATUS_CLASS[status]}`}>{t(`review:assignmentStatus.${status}`)}</span>
  );
}

export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const percent = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <div className="mt-3">
      <p className="font-medium">{label}</p>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        className="mt-1 h-3 w-full max-w-md overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full bg-brand-700" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
