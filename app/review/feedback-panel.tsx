/**
 * The reviewers' feedback on one item, for its submitters after publication:
 * average score per criterion and the comments, with no reviewer named.
 * Mount it on an item page with the result of `feedbackFor` (feedback.server.ts):
 *
 *   {feedback ? <FeedbackPanel feedback={feedback} /> : null}
 */
import { useTranslation } from "react-i18next";

import type { Feedback } from "./feedback.server";

/** The panel takes the loader's JSON (dates and all already plain). */
export function FeedbackPanel({ feedback, headingLevel = 2 }: { feedback: Feedback; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  const headingId = `feedback-${feedback.itemType}-${feedback.itemId}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-5" data-testid="feedback-panel">
      <Heading id={headingId} className="text-lg font-semibold">
        {t("review:feedback.heading")}
      </Heading>
      <p className="mt-1 text-slate-700">{t("review:feedback.basis", { n: feedback.reviewCount })}</p>
      {feedback.reviewCount === 0 ? (
        <p className="mt-3 text-slate-700">{t("review:feedback.none")}</p>
      ) : (
        <>
          <table className="mt-4 w-full border-collapse text-left">
            <caption className="sr-only">{t("review:feedback.tableCaption")}</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-3">
                  {t("review:feedback.criterion")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("review:feedback.average")}
                </th>
              </tr>
            </thead>
            <tbody>
              {feedback.criteria.map((c) => (
                <tr key={c.key} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-3 font-medium">
                    {en ? c.labelEn : c.labelZh}
                  </th>
                  <td className="py-2 pr-3">
                    {c.average === null ? (
                      "—"
                    ) : (
                      <div className="flex items-center gap-3">
                        <span className="w-24 shrink-0 font-semibold">{t("review:feedback.outOf", { value: c.average.toFixed(1), max: c.scaleMax })}</span>
                        <span aria-hidden="true" className="block h-2.5 w-full max-w-xs overflow-hidden rounded-full bg-slate-200">
                          <span className="block h-full bg-brand-700" style={{ width: `${Math.round((c.average / c.scaleMax) * 100)}%` }} />
                        </span>
                      </div>
                    )}
                    {c.comments.length ? (
                      <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-800">
                        {c.comments.map((comment, i) => (
                          <li key={i}>{comment}</li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {feedback.overallComments.length ? (
            <div className="mt-4">
              <Sub className="font-semibold">{t("review:feedback.overall")}</Sub>
              <ul className="mt-2 space-y-2">
                {feedback.overallComments.map((comment, i) => (
                  <li key={i} className="rounded-md bg-slate-50 px-3 py-2 text-slate-800">
                    {comment}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <p className="mt-4 text-sm text-slate-700">{t("review:feedback.anonymous")}</p>
        </>
      )}
    </section>
  );
}
