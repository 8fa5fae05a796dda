/**
 * Argon2id password hashing (OWASP's recommended parameters: 19 MiB, 2
 * iterations, 1 lane). The hash string carries its own parameters, so they
 * can be raised later without invalidating stored hashes.
 */
import { hash, verify } from "@node-rs/argon2";

const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // A malformed stored hash never signs anyone in.
  }
}
