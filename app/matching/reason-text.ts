/**
 * A reason as a sentence in the reader's language, from its code and detail:
 * shared by the pages (react-i18next's `t`) and the API (the server's `t`).
 */
import type { Reason, ReasonLabels } from "./score";

type Translate = (key: string, options?: Record<string, unknown>) => string;

export function describeReason(t: Translate, labels: ReasonLabels, locale: string, r: Reason): string {
  const en = locale === "en";
  const sep = t("matching:reasons.separator");
  const names = (detail: string | undefined, lookup: (slug: string) => { zh: string; en: string } | undefined) =>
    (detail ?? "")
      .split(",")
      .filter(Boolean)
      .map((slug) => {
        const l = lookup(slug);
        return l ? (en ? l.en : l.zh) : slug;
      })
      .join(sep);
  const tagNames = (kind: string) => names(r.detail, (slug) => labels.tags[`${kind}:${slug}`]);
  const placeNames = () => names(r.detail, (slug) => labels.places[slug]);
  switch (r.code) {
    case "text":
      return r.detail ? t("matching:reasons.textWords", { words: r.detail.split(" · ").join(sep) }) : t("matching:reasons.text");
    case "scenario":
      return t("matching:reasons.scenario", { items: tagNames("scenario") });
    case "target_group":
      return t("matching:reasons.target_group", { items: tagNames("target_group") });
    case "technology":
      return t("matching:reasons.technology", { items: tagNames("technology") });
    case "domain":
      return t("matching:reasons.domain", { domain: t(`common:domains.${r.detail ?? "life"}`) });
    case "deployed_here":
      return t("matching:reasons.deployed_here", { place: placeNames() });
    case "deployed_district":
      return t("matching:reasons.deployed_district", { places: placeNames() });
    case "selected":
      return t("matching:reasons.selected");
    case "shortlisted":
      return t("matching:reasons.shortlisted");
    case "maturity":
      return t("matching:reasons.maturity", { maturity: t(`matching:maturity.${r.detail ?? "pilot"}`) });
    default:
      return String(r.code);
  }
}
