/**
 * Server rendering: streams HTML (waiting for everything for bots and for
 * requests without JavaScript), translated from the first byte.
 * Also exports the start-up and shutdown hooks that server.js calls.
 */
import { Transform, type TransformCallback } from "node:stream";

import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";

import { createI18n } from "./i18n";
import { closeDatabase, databaseHandle } from "./utils/db.server";
import { env } from "./utils/env.server";
import { getPreferences } from "./utils/preferences.server";
import { startMailer } from "./notifications/mailer.server";
import { startSearchWorker, stopSearchWorker } from "./search/search.server";
import { demoAccountLines, prepareDatabase } from "./utils/startup.server";

/** server.js answers non-canonical spellings of an address with a 301 (app/sharing/urls.ts). */
export { canonicalRedirect } from "./sharing/urls";

let stopMailer: (() => void) | undefined;

/** Stop background work, then close the database (server.js calls this on SIGTERM). */
export async function shutdown() {
  stopMailer?.();
  stopSearchWorker();
  await closeDatabase();
}

/**
 * Validate the environment, open and migrate the database, load reference (and
 * with SEED_DEMO=1 demo) data. Throws one readable error for the operator.
 */
export async function startup() {
  const e = env();
  const handle = await databaseHandle();
  await prepareDatabase(handle);
  startSearchWorker();
  stopMailer = startMailer();
  return {
    kind: handle.kind,
    location: handle.location,
    nodeEnv: e.NODE_ENV,
    demoAccounts: e.SEED_DEMO === "1" ? demoAccountLines() : [],
  };
}

const ABORT_DELAY = 10_000;

/**
 * React 18.3's streaming renderer can emit stray NUL bytes at its 2 KB chunk
 * boundaries when multi-byte (e.g. Chinese) text straddles them (React issue
 * #24985, fixed after 18.3). HTML never needs a NUL byte, so we drop them.
 */
class DropNulBytes extends Transform {
  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
    if (chunk.indexOf(0) === -1) return done(null, chunk);
    done(null, Buffer.from(chunk.filter((byte) => byte !== 0)));
  }
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) {
  const { locale } = await getPreferences(request);
  const i18n = createI18n(locale);
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={i18n}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
      </I18nextProvider>,
      {
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new DropNulBytes();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}
