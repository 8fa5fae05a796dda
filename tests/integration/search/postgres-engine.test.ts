import { afterAll, beforeAll, describe } from "vitest";

import { PostgresSearchEngine } from "../../../search/engines/postgres";
import { createTestDatabase, DB_KINDS, type TestDatabase } from "../../helpers/db";

import { engineSuite } from "./engine-suite";

describe.each(DB_KINDS)("PostgreSQL engine on %s", (kind) => {
  let t: TestDatabase;
  let engine: PostgresSearchEngine;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    engine = new PostgresSearchEngine(t.db);
  });
  afterAll(async () => {
    await t.drop();
  });
  engineSuite(`postgres engine (${kind})`, () => engine);
});
