/**
 * Server rendering: streams HTML (waiting for everything for bots and for
 * requests without JavaScript), translated from the first byte.
 * Also exports the start-up and shutdown hooks that server.js calls.
 */
import { PassThrough } from "node:stream";

import { createReadableStreamFromReadable, type EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";

import { createI18n } from "./i18n";
import { closeDatabase, databaseHandle } from "./utils/db.server";
import { env } from "./utils/env.server";
import { getPreferences } from "./utils/preferences.server";

export { closeDatabase as shutdown };

/** Validate the environment and open (and migrate) the database; throws one readable error. */
export async function startup() {
  const e = env();
  const handle = await databaseHandle();
  return { kind: handle.kind, location: handle.location, nodeEnv: e.NODE_ENV };
}

const ABORT_DELAY = 10_000;

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
          const body = new PassThrough();
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
