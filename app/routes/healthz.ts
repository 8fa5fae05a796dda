/** Liveness and readiness for load balancers: which database, and does it answer. */
import { json } from "@remix-run/node";

import { databaseHandle } from "~/utils/db.server";

export async function loader() {
  try {
    const handle = await databaseHandle();
    const reachable = await handle.ping();
    return json(
      { status: reachable ? "ok" : "degraded", database: { kind: handle.kind, reachable } },
      { status: reachable ? 200 : 503, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return json(
      {
        status: "error",
        database: { kind: process.env.DATABASE_URL ? "postgres" : "pglite", reachable: false },
        error: error instanceof Error ? error.message : String(error),
      },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
