import type zh from "../zh-CN/searchAdmin";

const en: typeof zh = {
  metaTitle: "Search index status",
  metaDescription: "The search engine's health, pending and failed index updates, and a full reindex.",
  title: "Search index status",
  engine: "Search engine",
  healthy: "healthy",
  unhealthy: "unreachable: {{detail}}",
  pending: "Updates waiting",
  lag: "Index lag",
  noLag: "none",
  seconds: "{{count}} s",
  failing: "Failing, to retry",
  processedLastHour: "Indexed in the last hour",
  lastError: "Last error",
  retry: "Retry failed updates now",
  documents: "Documents in the index",
  rebuildTitle: "Rebuild the index",
  rebuildHelp: "Regenerates the whole search index from the database. Search keeps working meanwhile; results fill in as it goes.",
  rebuild: "Rebuild index",
  running: "Rebuilding: {{done}} / {{total}}",
  done: "Rebuilt: {{documents}} documents in {{seconds}} s.",
  failed: "Rebuild failed: {{error}}",
};
export default en;
