-- drizzle-kit never writes CREATE EXTENSION; pg_trgm backs typo-tolerant
-- search ("did you mean") and similar-title lookups. PGlite loads it as a
-- bundled extension (see db/client.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
