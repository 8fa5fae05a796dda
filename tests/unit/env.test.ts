import { describe, expect, it } from "vitest";

import { EnvError, parseEnv } from "../../app/utils/env.server";

describe("parseEnv", () => {
  it("gives the documented defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      NODE_ENV: "development",
      PORT: 3000,
      DATABASE_POOL_MAX: 10,
      PGLITE_DATA_DIR: "./data/pglite",
      SESSION_SECURE_COOKIE: "auto",
      SEED_DEMO: "0",
      LOG_REQUESTS: "1",
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("accepts a PostgreSQL URL and coerces numbers", () => {
    const env = parseEnv({
      DATABASE_URL: "postgres://putuo:secret@db.example:5432/putuo",
      PORT: "8080",
      DATABASE_POOL_MAX: "4",
      NODE_ENV: "production",
    });
    expect(env.DATABASE_URL).toBe("postgres://putuo:secret@db.example:5432/putuo");
    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_POOL_MAX).toBe(4);
    expect(env.NODE_ENV).toBe("production");
    expect(parseEnv({ DATABASE_URL: "postgresql://u@localhost/db" }).DATABASE_URL).toBe("postgresql://u@localhost/db");
  });

  it.each(["not-a-url", "mysql://u@localhost/db", "postgres://", "localhost:5432/putuo"])(
    "refuses the malformed DATABASE_URL %j with an EnvError naming DATABASE_URL",
    (value) => {
      let caught: unknown;
      try {
        parseEnv({ DATABASE_URL: value });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(EnvError);
      expect((caught as Error).message).toContain("DATABASE_URL");
      expect((caught as Error).message).not.toContain("\n");
    },
  );

  it("names the variable at fault for other bad values", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT/);
    expect(() => parseEnv({ NODE_ENV: "staging" })).toThrow(/NODE_ENV/);
    expect(() => parseEnv({ SEED_DEMO: "yes" })).toThrow(/SEED_DEMO/);
  });

  it("treats an empty string as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", PORT: "", PGLITE_DATA_DIR: "", NODE_ENV: "" });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.PGLITE_DATA_DIR).toBe("./data/pglite");
    expect(env.NODE_ENV).toBe("development");
  });

  it("ignores variables it does not know", () => {
    expect(() => parseEnv({ HOME: "/root", SOMETHING_ELSE: "x" })).not.toThrow();
  });
});
