import { defineConfig } from "drizzle-kit";

// Only `generate` is used: migrations are applied by our own migrator
// (scripts/migrate.ts and at server start), which works on PGlite too.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.ts",
  out: "./db/migrations",
});
