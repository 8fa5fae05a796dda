/**
 * The public: one campaign's published lists — the selected applications and
 * demands, ranked, each with its vendor (or raising organisation) and the
 * subdistricts it concerns, linking to the item and organisation pages.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { formatDate } from "~/components/date-format";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ListDownloads } from "~/opendata/list-downloads";
import { publishedList, type ListEntry } from "~/review/lists.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  if (!/^[a-z0-9-]{1,100}$/.test(slug)) throw new Response("Not Found", { status: 404 });
  const [{ t, locale }, list] = await Promise.all([getT(request), db().then((d) => publishedList(d, slug))]);
  if (!list) throw new Response("Not Found", { status: 404 });
  const title = locale === "en" ? list.campaign.titleEn : list.campaign.titleZh;
  return json({
    list,
    meta: {
      title: t("lists:detail.metaTitle", { title }),
      description: t("lists:detail.metaDescription", { title, applications: list.applications.length, demands: list.demands.length }),
    },
  });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

function RankedList({ id, heading, entries, itemPath, orgLabel }: { id: string; heading: string; entries: ListEntry[]; itemPath: string; orgLabel: string }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  return (
    <section aria-labelledby={id} data-testid={id}>
      <h2 id={id} className="text-xl font-semibold">
        {heading} <span className="text-base font-normal text-slate-700">({t("lists:detail.count", { n: entries.length })})</span>
      </h2>
      {entries.length === 0 ? (
        <p className="mt-2 text-slate-700">{t("lists:detail.none")}</p>
      ) : (
        <ol className="mt-3 space-y-3">
          {entries.map((e) => (
            <li key={e.id} className="flex gap-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="list-entry">
              <span className="w-12 shrink-0 text-right text-2xl font-bold text-brand-700" aria-label={t("lists:detail.rank", { rank: e.rank })}>
                {e.rank}
              </span>
              <div className="min-w-0">
                <h3 className="text-lg font-semibold">
                  <Link to={`/${itemPath}/${e.id}`} className="text-brand-800 underline underline-offset-2 hover:text-brand-900" lang={e.lang}>
                    {e.title}
                  </Link>
                </h3>
                <p className="mt-1 text-slate-800" lang={e.lang}>
                  {e.summary}
                </p>
                <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-sm">
                  {e.organization ? (
                    <div className="flex gap-1">
                      <dt className="text-slate-700">{orgLabel}:</dt>
                      <dd>
                        <Link to={`/organizations/${e.organization.slug}`} className="text-brand-800 underline">
                          {en ? e.organization.nameEn : e.organization.nameZh}
                        </Link>
                      </dd>
                    </div>
                  ) : null}
                  <div className="flex gap-1">
                    <dt className="text-slate-700">{t("lists:detail.domain")}:</dt>
                    <dd>{t(`domains.${e.domain}`)}</dd>
                  </div>
                  {e.subdistricts.length ? (
                    <div className="flex gap-1">
                      <dt className="text-slate-700">{t("lists:detail.subdistricts")}:</dt>
                      <dd>{e.subdistricts.map((s) => (en ? s.nameEn : s.nameZh)).join(en ? ", " : "、")}</dd>
                    </div>
                  ) : null}
                </dl>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export default function PublishedCampaignList() {
  const { list } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const en = i18n.language === "en";
  const { campaign } = list;
  return (
    <div className="space-y-8">
      <p>
        <Link to="/lists" className="text-brand-800 underline underline-offset-2">
          ← {t("lists:detail.back")}
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-bold">{en ? campaign.titleEn : campaign.titleZh}</h1>
        {campaign.publishedAt ? (
          <p className="mt-1 text-slate-700">{t("lists:index.publishedOn", { date: formatDate(campaign.publishedAt, i18n.language) })}</p>
        ) : null}
        <p className="mt-3 max-w-3xl text-slate-800">{en ? campaign.descriptionEn : campaign.descriptionZh}</p>
        <nav aria-label={t("lists:detail.jump")} className="mt-3 flex flex-wrap gap-3">
          <a href="#list-applications" className="text-brand-800 underline">
            {t("lists:detail.applications")}
          </a>
          <a href="#list-demands" className="text-brand-800 underline">
            {t("lists:detail.demands")}
          </a>
        </nav>
      </div>
      <ListDownloads campaignSlug={campaign.slug} title={en ? campaign.titleEn : campaign.titleZh} />
      <RankedList id="list-applications" heading={t("lists:detail.applications")} entries={list.applications} itemPath="applications" orgLabel={t("lists:detail.vendor")} />
      <RankedList id="list-demands" heading={t("lists:detail.demands")} entries={list.demands} itemPath="demands" orgLabel={t("lists:detail.raisedBy")} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
