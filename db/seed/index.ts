/**
 * The seed: reference data for every start, the first administrator of a
 * production start, and the deterministic demo of the 2021 scenario call.
 *
 *   await seedReference(db);                         // idempotent
 *   await ensureFirstAdmin(db, email, password);     // "created" | "exists"
 *   if (!(await hasDemoData(db))) await seedDemo(db, { scale: 1 });
 */
export { seedReference, PLACES, TAGS } from "./reference";
export { ensureFirstAdmin, DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "./accounts";
export { hasDemoData, seedDemo, CAMPAIGN_SLUG, OPEN_CAMPAIGN_SLUG, DemoDataExistsError, type SeedOptions, type SeedSummary } from "./demo";
export { buildPlan, type Plan } from "./plan";
