/** The "verified by the district commission" badge (or "not yet verified") beside an organisation's name. */
import { useTranslation } from "react-i18next";

export function VerifiedBadge({ verified, showUnverified = false }: { verified: boolean; showUnverified?: boolean }) {
  const { t } = useTranslation();
  if (verified) {
    return (
      <span
        className="inline-flex items-center gap-1 rounded-full border border-green-700 bg-green-50 px-2 py-0.5 text-sm font-medium text-green-900"
        title={t("organizations:profile.verifiedLabel")}
        data-verified="1"
      >
        <span aria-hidden="true">✓</span>
        {t("organizations:profile.verified")}
      </span>
    );
  }
  if (!showUnverified) return null;
  return (
    <span className="inline-flex items-center rounded-full border border-slate-400 bg-slate-50 px-2 py-0.5 text-sm text-slate-700" data-verified="0">
      {t("organizations:profile.unverified")}
    </span>
  );
}

/** `YYYY-MM-DD` (a date column) shown as `YYYY-MM`. */
export function monthOf(date: string | null | undefined): string {
  return date ? date.slice(0, 7) : "";
}
