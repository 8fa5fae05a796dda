/**
 * POST (field `redirectTo`): removes one attachment, for whoever may edit its
 * item while it is editable; goes back with a notice, or with
 * `?attachmentError=notEditable`. 404 when the viewer may not see the item.
 */
import { redirect, type ActionFunctionArgs } from "@remix-run/node";

import { idParam, notFound, withParam } from "~/applications/http.server";
import { ownerPath, removeAttachment } from "~/attachments/attachments.server";
import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUser } from "~/auth/current-user.server";
import { ATTACHMENT_ERROR_PARAM } from "~/components/attachments-field";
import { db } from "~/utils/db.server";
import { withNotice } from "~/utils/notice";
import { safeRedirectPath } from "~/utils/redirect";

export async function loader() {
  throw notFound();
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idParam(params.id);
  const user = await requireUser(request);
  const form = await request.formData();
  const outcome = await forbiddenAs403(removeAttachment(await db(), user, id));
  if (outcome.ok) {
    const back = safeRedirectPath(form.get("redirectTo"), ownerPath(outcome.owner));
    return redirect(`${withNotice(back, "attachmentRemoved").split("#")[0]}#attachments`, 303);
  }
  if (outcome.error === "not_found") throw notFound();
  const back = safeRedirectPath(form.get("redirectTo"), "/");
  return redirect(withParam(back, ATTACHMENT_ERROR_PARAM, outcome.error, "attachments"), 303);
}
