/** The pages of one campaign for officials, as a row of links (the current one marked). */
import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import type { CampaignStage } from "../../db/enums";

import { STAGES_FOR } from "./stages";

const linkClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md border px-3 py-1.5 ${isActive ? "border-brand-700 bg-brand-100 font-semibold text-brand-800" : "border-slate-300 bg-white text-slate-900 hover:bg-slate-100"}`;

export function CampaignNav({ slug, stage }: { slug: string; stage: CampaignStage }) {
  const { t } = useTranslation();
  const base = `/official/campaigns/${slug}`;
  const links: { to: string; label: string; end?: boolean }[] = [
    { to: base, label: t("campaigns:nav.overview"), end: true },
    { to: `${base}/edit`, label: t("campaigns:nav.edit") },
    { to: `${base}/screening`, label: t("campaigns:nav.screening") },
  ];
  if ((STAGES_FOR.progress as readonly string[]).includes(stage)) {
    links.push({ to: `${base}/assign`, label: t("campaigns:nav.assign") });
    links.push({ to: `${base}/progress`, label: t("campaigns:nav.progress") });
  }
  if (stage === "shortlisting" || stage === "published" || stage === "closed") {
    links.push({ to: `${base}/shortlist`, label: t("campaigns:nav.shortlist") });
    links.push({ to: `${base}/publish`, label: t("campaigns:nav.publish") });
  }
  return (
    <nav aria-label={t("campaigns:nav.label")} className="flex flex-wrap gap-2">
      {links.map((l) => (
        <NavLink key={l.to} to={l.to} end={l.end} className={linkClass}>
          {l.label}
        </NavLink>
      ))}
    </nav>
  );
}
