/**
 * POST multipart/form-data with `ownerType` ("application" | "demand"),
 * `ownerId`, `file` and `redirectTo`: adds one attachment and goes back to
 * `redirectTo` (the item's page by default) with a notice, or with
 * `?attachmentError=<code>#attachments` beside the file field. The file is
 * never held beyond 10 MB; its type comes from its content.
 */
import { redirect, type ActionFunctionArgs } from "@remix-run/node";

import { notFound, withParam } from "~/applications/http.server";
import { addAttachment, isOwnerType, ownerPath, type AttachmentError } from "~/attachments/attachments.server";
import { parseAttachmentUpload } from "~/attachments/upload.server";
import { forbiddenAs403 } from "~/auth/authorize.server";
import { requireUser } from "~/auth/current-user.server";
import { ATTACHMENT_ERROR_PARAM } from "~/components/attachments-field";
import { db } from "~/utils/db.server";
import { withNotice } from "~/utils/notice";
import { safeRedirectPath } from "~/utils/redirect";

export async function loader() {
  throw notFound();
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const upload = await parseAttachmentUpload(request);
  const ownerType = upload.fields.ownerType;
  const ownerId = upload.fields.ownerId ?? "";
  if (!isOwnerType(ownerType) || !/^[1-9]\d{0,8}$/.test(ownerId)) {
    throw new Response("Bad Request", { status: 400, statusText: "Bad Request" });
  }
  const owner = { type: ownerType, id: Number(ownerId) };
  const back = safeRedirectPath(upload.fields.redirectTo, ownerPath(owner));
  const refuse = (code: AttachmentError) => redirect(withParam(back, ATTACHMENT_ERROR_PARAM, code, "attachments"), 303);

  if (upload.tooLarge) return refuse("tooLarge");
  if (upload.malformed) return refuse("invalid");
  if (!upload.file) return refuse("missingFile");
  const outcome = await forbiddenAs403(
    addAttachment(await db(), user, { owner, fileName: upload.file.name, bytes: upload.file.bytes }),
  );
  if (outcome.ok) return redirect(`${withNotice(back, "attachmentAdded").split("#")[0]}#attachments`, 303);
  if (outcome.error === "not_found") throw notFound();
  return refuse(outcome.error);
}
