/** One e-mail of the local mailbox: headers, delivery status and the plain-text body. */
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { getCurrentUser } from "~/auth/current-user.server";
import { formatDateTime } from "~/components/date-format";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getMail, mailboxOpenTo } from "~/notifications/mailbox.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!mailboxOpenTo(await getCurrentUser(request))) throw new Response("Not Found", { status: 404 });
  const id = Number(params.id);
  const mail = Number.isInteger(id) && id > 0 && id < 2 ** 31 ? await getMail(await db(), id) : null;
  if (!mail) throw new Response("Not Found", { status: 404 });
  const { t } = await getT(request);
  return json({ mail, meta: { title: t("mailbox:messageTitle", { subject: mail.subject }), description: t("mailbox:messageDescription", { subject: mail.subject }) } });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export default function MailMessage() {
  const { mail } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  return (
    <div className="space-y-5">
      <p>
        <Link to="/dev/mailbox" className="text-brand-700 underline">
          {t("mailbox:back")}
        </Link>
      </p>
      <article className="rounded-lg border border-slate-200 bg-white p-5" aria-labelledby="mail-subject">
        <h1 id="mail-subject" className="text-xl font-bold">
          {mail.subject}
        </h1>
        <dl className="mt-3 grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">{t("mailbox:to")}</dt>
          <dd className="break-all">{mail.toAddress}</dd>
          <dt className="font-medium text-slate-700">{t("mailbox:when")}</dt>
          <dd>{formatDateTime(mail.createdAt, i18n.language)}</dd>
          <dt className="font-medium text-slate-700">{t("mailbox:status")}</dt>
          <dd data-status={mail.status}>
            {t(`mailbox:statuses.${mail.status}`)}
            {mail.attempts ? ` · ${t("mailbox:attempts", { count: mail.attempts })}` : ""}
          </dd>
          {mail.lastError ? (
            <>
              <dt className="font-medium text-slate-700">{t("mailbox:lastError")}</dt>
              <dd className="break-all font-mono text-sm">{mail.lastError}</dd>
            </>
          ) : null}
        </dl>
        <pre className="mt-4 whitespace-pre-wrap break-words border-t border-slate-200 pt-4 font-sans" data-testid="mail-body">
          {mail.body}
        </pre>
      </article>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
