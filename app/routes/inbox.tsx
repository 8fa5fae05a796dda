/**
 * Every signed-in user's inbox: notices rendered in the reader's language,
 * unread first and newest first, a page at a time; mark one or all as read.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { requireUser } from "~/auth/current-user.server";
import { formatDateTime } from "~/components/date-format";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { primaryButtonClass, secondaryButtonClass, useIsSubmitting } from "~/components/forms";
import { Pager } from "~/components/pager";
import { listInbox, markAllRead, markRead, markReadSchema } from "~/notifications/inbox.server";
import { db } from "~/utils/db.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { withNotice, withoutNotice } from "~/utils/notice";
import { safeRedirectPath } from "~/utils/redirect";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { t, locale } = await getT(request);
  const page = Number.parseInt(new URL(request.url).searchParams.get("page") ?? "1", 10);
  const inbox = await listInbox(await db(), user.id, locale, { page: Number.isFinite(page) ? page : 1 });
  return json({ ...inbox, meta: { title: t("inbox:metaTitle", { unread: inbox.unread }), description: t("inbox:metaDescription") } });
}

export const meta: MetaFunction<typeof loader> = (args) => pageMeta(args);

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const submission = parseWithZod(await request.formData(), { schema: markReadSchema });
  const back = withoutNotice(url.pathname, url.search);
  if (submission.status !== "success") return redirect(back);
  const database = await db();
  const changed =
    submission.value.intent === "readAll" ? await markAllRead(database, user.id) : await markRead(database, user.id, submission.value.ids);
  return redirect(withNotice(safeRedirectPath(back, "/inbox"), changed > 0 ? "inboxMarkedRead" : "nothingChanged"));
}

export default function Inbox() {
  const { entries, total, unread, page, pageCount } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const { pathname, search } = useLocation();
  const busy = useIsSubmitting();
  const formAction = withoutNotice(pathname, search);
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("inbox:title")}</h1>
        {unread > 0 ? (
          <Form method="post" action={formAction}>
            <input type="hidden" name="intent" value="readAll" />
            <button type="submit" className={primaryButtonClass} disabled={busy}>
              {t("inbox:markAllRead")}
            </button>
          </Form>
        ) : null}
      </div>
      <p className="text-slate-700" data-testid="inbox-summary">
        {t("inbox:summary", { total, unread })}
      </p>
      {entries.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-5 text-slate-700">{t("inbox:empty")}</p>
      ) : (
        <ul className="space-y-3">
          {entries.map((n) => (
            <li
              key={n.id}
              className={`rounded-lg border p-4 ${n.read ? "border-slate-200 bg-white" : "border-brand-700 bg-brand-50"}`}
              data-notification={n.kind}
              data-read={n.read ? "1" : "0"}
            >
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 className={`text-lg ${n.read ? "font-medium" : "font-bold"}`}>
                  {n.read ? null : <span className="mr-2 rounded bg-brand-700 px-2 py-0.5 text-sm font-semibold text-white">{t("inbox:unread")}</span>}
                  {n.subject}
                </h2>
                <span className="text-sm text-slate-700">{formatDateTime(n.createdAt, i18n.language)}</span>
              </div>
              <p className="mt-2 whitespace-pre-line">{n.body}</p>
              <div className="mt-3 flex flex-wrap items-center gap-3">
                {n.link ? (
                  <Link to={n.link} className="font-medium text-brand-700 underline">
                    {t("inbox:open")}
                    <span className="sr-only">: {n.subject}</span>
                  </Link>
                ) : null}
                {n.read ? null : (
                  <Form method="post" action={formAction}>
                    <input type="hidden" name="intent" value="read" />
                    <input type="hidden" name="ids" value={n.id} />
                    <button type="submit" className={secondaryButtonClass} disabled={busy} aria-label={t("inbox:markReadOne", { subject: n.subject })}>
                      {t("inbox:markRead")}
                    </button>
                  </Form>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager page={page} pageCount={pageCount} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
