/**
 * The local mailbox: every e-mail the portal wrote, newest first, with its
 * delivery status. For developers (NODE_ENV not production) and administrators;
 * a 404 for everyone else in production.
 */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { getCurrentUser } from "~/auth/current-user.server";
import { formatDateTime } from "~/components/date-format";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Pager } from "~/components/pager";
import { listMailbox, mailboxOpenTo } from "~/notifications/mailbox.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  if (!mailboxOpenTo(await getCurrentUser(request))) throw new Response("Not Found", { status: 404 });
  const { t } = await getT(request);
  const page = Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10);
  const mailbox = await listMailbox(await db(), { page: Number.isFinite(page) ? page : 1 });
  return json({ ...mailbox, meta: { title: t("mailbox:metaTitle"), description: t("mailbox:intro") } });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export default function Mailbox() {
  const { rows, total, page, pageCount } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">{t("mailbox:title")}</h1>
      <p className="text-slate-700">{t("mailbox:intro")}</p>
      <p className="text-slate-700">{t("mailbox:total", { count: total })}</p>
      {rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-5 text-slate-700">{t("mailbox:empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[40rem] border-collapse bg-white text-left">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="p-2">
                  {t("mailbox:when")}
                </th>
                <th scope="col" className="p-2">
                  {t("mailbox:to")}
                </th>
                <th scope="col" className="p-2">
                  {t("mailbox:subject")}
                </th>
                <th scope="col" className="p-2">
                  {t("mailbox:status")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id} className="border-b border-slate-200" data-mail-to={m.toAddress}>
                  <td className="whitespace-nowrap p-2 text-sm">{formatDateTime(m.createdAt, i18n.language)}</td>
                  <td className="break-all p-2">{m.toAddress}</td>
                  <td className="p-2">
                    <Link to={`/dev/mailbox/${m.id}`} className="text-brand-700 underline">
                      {m.subject}
                    </Link>
                  </td>
                  <td className="p-2">{t(`mailbox:statuses.${m.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager page={page} pageCount={pageCount} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
