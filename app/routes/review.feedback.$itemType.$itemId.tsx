/**
 * Submitters: the reviewers' aggregated feedback on their item after the
 * lists are published — per criterion the average score and the comments,
 * anonymised. Only the author, the members of an application's firm and
 * officials; everybody else gets 403.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { requireUser } from "~/auth/current-user.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { parseId, parseItemType } from "~/review/common.server";
import { FeedbackPanel } from "~/review/feedback-panel";
import { feedbackFor } from "~/review/feedback.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { viewerOf } from "~/visibility/visibility.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const itemType = parseItemType(params.itemType);
  const itemId = parseId(params.itemId);
  if (!itemType || !itemId) throw new Response("Not Found", { status: 404 });
  const result = await feedbackFor(await db(), viewerOf(user), itemType, itemId);
  if (!result.ok && result.reason === "not_found") throw new Response("Not Found", { status: 404 });
  if (!result.ok && result.reason === "forbidden") throw new Response("Forbidden", { status: 403 });
  const { t } = await getT(request);
  return json({
    itemType,
    itemId,
    feedback: result.ok ? result.feedback : null,
    meta: {
      title: result.ok ? t("review:feedback.metaTitle", { title: result.feedback.title }) : t("review:feedback.heading"),
      description: result.ok ? t("review:feedback.metaDescription", { title: result.feedback.title }) : t("review:feedback.anonymous"),
    },
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export default function ItemFeedback() {
  const { itemType, itemId, feedback } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const itemPath = `/${itemType === "demand" ? "demands" : "applications"}/${itemId}`;
  return (
    <div className="space-y-6">
      <p>
        <Link to={itemPath} className="text-brand-800 underline underline-offset-2">
          ← {t("review:feedback.backToItem")}
        </Link>
      </p>
      {feedback ? (
        <>
          <div>
            <p className="text-slate-700">{en ? feedback.campaign.titleEn : feedback.campaign.titleZh}</p>
            <h1 className="mt-1 text-2xl font-bold">{feedback.title}</h1>
            <p className="mt-2">
              {t("review:feedback.outcome")}: <strong>{t(`workflow:statuses.${feedback.status}`)}</strong>
            </p>
          </div>
          <FeedbackPanel feedback={feedback} />
        </>
      ) : (
        <>
          <h1 className="text-2xl font-bold">{t("review:feedback.heading")}</h1>
          <p className="rounded-lg border border-slate-200 bg-white p-5 text-slate-700" data-testid="feedback-not-published">
            {t("review:feedback.notPublished")}
          </p>
        </>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
