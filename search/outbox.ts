/**
 * Writing side of the search outbox. Call `enqueueSearchUpdate` with the same
 * transaction that changes a demand, application or organisation: the change
 * and its outbox row commit together, so the index can never miss a change,
 * and a search engine that is down never blocks a submission.
 */
import type { SearchEntityType } from "../db/enums";
import { searchOutbox } from "../db/schema";
import type { Executor } from "../app/audit/audit.server";

export async function enqueueSearchUpdate(tx: Executor, entityType: SearchEntityType, entityIds: number | number[]) {
  const ids = Array.isArray(entityIds) ? entityIds : [entityIds];
  if (ids.length === 0) return;
  await tx.insert(searchOutbox).values(ids.map((entityId) => ({ entityType, entityId })));
}
