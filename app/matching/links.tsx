/**
 * The small "matching" boxes other pages add near their bottom: on a demand,
 * links to its candidates (for officials and community workers), to respond
 * (for firm members) and to its subdistrict's board; on an application, a
 * link to the demands it could serve. Roles come from the root loader; the
 * pages behind the links check permissions again.
 */
import { Link, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import type { Role } from "../../db/enums";

type RootData = { user: { roles: Role[] } | null } | undefined;

function useRoles(): Role[] | null {
  const data = useRouteLoaderData("root") as RootData;
  return data?.user ? data.user.roles : null;
}

export function DemandMatchingLinks({ demandId, subdistrictSlug }: { demandId: number; subdistrictSlug: string }) {
  const { t } = useTranslation();
  const roles = useRoles();
  const demandSide = !!roles && (roles.includes("official") || roles.includes("community_worker"));
  const vendor = !!roles && roles.includes("firm_member");
  return (
    <section aria-labelledby="matching-links-title" className="rounded-lg border border-slate-200 bg-white p-5" data-testid="matching-links">
      <h2 id="matching-links-title" className="text-lg font-semibold">
        {t("matching:section.heading")}
      </h2>
      <ul className="mt-2 space-y-2 text-lg">
        {demandSide ? (
          <li>
            <Link to={`/demands/${demandId}/matches`} className="text-brand-700 underline">
              {t("matching:section.candidates")}
            </Link>
          </li>
        ) : null}
        {vendor ? (
          <li>
            <Link to={`/demands/${demandId}/respond`} className="text-brand-700 underline">
              {t("matching:section.respond")}
            </Link>
          </li>
        ) : null}
        <li>
          <Link to={`/subdistricts/${subdistrictSlug}`} className="text-brand-700 underline">
            {t("matching:section.board")}
          </Link>
        </li>
      </ul>
    </section>
  );
}

export function ApplicationMatchingLink({ applicationId }: { applicationId: number }) {
  const { t } = useTranslation();
  const roles = useRoles();
  if (!roles) return null;
  return (
    <section aria-labelledby="matching-link-title" className="rounded-lg border border-slate-200 bg-white p-5" data-testid="matching-links">
      <h2 id="matching-link-title" className="text-lg font-semibold">
        {t("matching:section.heading")}
      </h2>
      <p className="mt-2 text-lg">
        <Link to={`/applications/${applicationId}/demands`} className="text-brand-700 underline">
          {t("matching:section.reverse")}
        </Link>
      </p>
    </section>
  );
}
