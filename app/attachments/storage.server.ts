/**
 * Where the bytes of attachments live. The database keeps the metadata and a
 * storage key; the storage keeps the bytes under that key. Keys are random
 * (never the uploader's file name), so a name can neither collide nor escape
 * the folder. The default is a local folder (`UPLOADS_DIR`); another backend
 * (S3-compatible, shared volume) only has to implement this interface.
 */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

import { env } from "~/utils/env.server";

export interface AttachmentStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removing a key that does not exist is not an error. */
  delete(key: string): Promise<void>;
}

/** A fresh random key, e.g. `3f/9a/3f9a…e1` (two levels keep folders small). */
export function newStorageKey(): string {
  const id = crypto.randomBytes(16).toString("hex");
  return `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
}

const KEY_PATTERN = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{32}$/;

/** Bytes in a folder on the local disk (or a volume every app server mounts). */
export class LocalFolderStorage implements AttachmentStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  private pathOf(key: string): string {
    // Keys come from newStorageKey(); anything else is refused rather than joined.
    if (!KEY_PATTERN.test(key)) throw new Error(`Invalid storage key: ${key}`);
    return path.join(this.root, ...key.split("/"));
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.pathOf(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Write to a temporary name, then rename: a reader never sees half a file.
    const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
    await fs.writeFile(temp, bytes, { flag: "wx" });
    await fs.rename(temp, file);
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await fs.readFile(this.pathOf(key)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }
}

/** In memory, for tests. */
export class MemoryStorage implements AttachmentStorage {
  readonly files = new Map<string, Uint8Array>();

  async put(key: string, bytes: Uint8Array) {
    this.files.set(key, new Uint8Array(bytes));
  }

  async get(key: string) {
    return this.files.get(key) ?? null;
  }

  async delete(key: string) {
    this.files.delete(key);
  }
}

let current: AttachmentStorage | undefined;

/** The process's storage: the local folder named by UPLOADS_DIR unless a test set another. */
export function attachmentStorage(): AttachmentStorage {
  current ??= new LocalFolderStorage(env().UPLOADS_DIR);
  return current;
}

/** Used by tests to put the app on a storage they own. */
export function setAttachmentStorage(storage: AttachmentStorage | undefined) {
  current = storage;
}
