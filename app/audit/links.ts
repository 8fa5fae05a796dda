/** Where an audited record can be opened, if it has a page (shared by server and browser). */
export function entityHref(row: { entityType: string; entityId: number | null; campaignSlug: string | null }): string | null {
  if (row.entityId == null) return null;
  switch (row.entityType) {
    case "demand":
      return `/demands/${row.entityId}`;
    case "application":
      return `/applications/${row.entityId}`;
    case "campaign":
      return row.campaignSlug ? `/official/campaigns/${row.campaignSlug}` : null;
    default:
      return null;
  }
}
