/**
 * The shared engine suite against a real Meilisearch, wherever MEILISEARCH_URL
 * points to one (no Meilisearch server can be installed on our CI machines).
 */
import { describe } from "vitest";

import { MeilisearchEngine } from "../../../search/engines/meilisearch";

import { engineSuite } from "./engine-suite";

const url = process.env.MEILISEARCH_URL;

describe.runIf(url)("Meilisearch engine", () => {
  let engine: MeilisearchEngine | undefined;
  // Built lazily: the suite is still collected (and skipped) where no server exists.
  engineSuite("meilisearch engine", () =>
    (engine ??= new MeilisearchEngine({
      url: url!,
      apiKey: process.env.MEILISEARCH_KEY,
      indexPrefix: `putuo_test_${process.pid}_`,
    })),
  );
});
