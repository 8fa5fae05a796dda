/**
 * Sign out: POST revokes the session (its row is deleted) and clears the
 * cookie. GET changes nothing and just goes home.
 */
import { redirect, type ActionFunctionArgs } from "@remix-run/node";

import { signOut } from "~/auth/accounts.server";
import { readSessionToken, serializeBlankSessionCookie, sessionIdFromToken } from "~/auth/session.server";
import { db } from "~/utils/db.server";
import { withNotice } from "~/utils/notice";

export async function action({ request }: ActionFunctionArgs) {
  const token = await readSessionToken(request);
  if (token) await signOut(await db(), sessionIdFromToken(token));
  return redirect(withNotice("/", "signedOut"), {
    headers: { "Set-Cookie": await serializeBlankSessionCookie() },
  });
}

export async function loader() {
  return redirect("/");
}
