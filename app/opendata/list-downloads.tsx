/** The download links of one published list, shown on its page (/lists/<slug>). */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { FORMATS, listDownloadPath } from "./paths";

export function ListDownloads({ campaignSlug, title }: { campaignSlug: string; title: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="list-downloads" className="rounded-lg border border-slate-200 bg-white p-4" data-testid="list-downloads">
      <h2 id="list-downloads" className="text-lg font-semibold">
        {t("opendata:listDownloads.heading")}
      </h2>
      <p className="mt-1 text-slate-700">{t("opendata:listDownloads.intro")}</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        {FORMATS.map((format) => (
          <a
            key={format}
            href={listDownloadPath(campaignSlug, format)}
            download
            className="inline-flex min-h-11 items-center rounded-md border border-brand-700 bg-white px-3 font-semibold text-brand-800 underline-offset-2 hover:bg-brand-50 hover:underline"
            data-control
          >
            {format.toUpperCase()}
            <span className="sr-only">
              {" "}
              {t("opendata:page.downloadAs", { format: format.toUpperCase() })} · {title}
            </span>
          </a>
        ))}
        <Link to="/data#lists" className="ml-2 inline-flex min-h-11 items-center text-brand-800 underline underline-offset-2" data-control>
          {t("opendata:listDownloads.more")}
        </Link>
      </div>
    </section>
  );
}
