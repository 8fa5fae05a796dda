/**
 * Permission checks inside the domain layer. Routes already call
 * `requireUserWithPermission`, but a domain function never trusts its caller:
 * it checks again and throws `ForbiddenError`, which `forbiddenAs403` (or the
 * route) turns into the 403 page.
 */
import type { Role } from "../../db/enums";

import { can, type Permission } from "./permissions";

/** Who is acting: the signed-in user as the request saw them. */
export type Actor = { id: number; roles: readonly Role[] };

export class ForbiddenError extends Error {
  constructor(readonly permission: Permission) {
    super(`Forbidden: ${permission} required`);
    this.name = "ForbiddenError";
  }
}

export function assertCan(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!can(actor, permission)) throw new ForbiddenError(permission);
}

/** Run a domain call; a ForbiddenError becomes the 403 response the error boundary renders. */
export async function forbiddenAs403<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ForbiddenError) {
      throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
    }
    throw error;
  }
}
