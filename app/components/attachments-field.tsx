/**
 * The attachments of a demand or an application: the list (images shown
 * small, PDFs as links), and — for whoever may edit the item — a remove
 * button per file and the upload form. Plain document POSTs to
 * `/attachments/upload` and `/attachments/:id/delete`, so it works the same
 * with JavaScript on or off; a refusal comes back as `?attachmentError=<code>`
 * and is shown beside the file field.
 *
 *   <AttachmentsField ownerType="demand" ownerId={demand.id}
 *     attachments={attachments} canEdit={canManage} />
 *
 * The loader provides `attachments` (listAttachments) and `canEdit`
 * (canManageAttachments), both in app/attachments/attachments.server.ts.
 */
import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { ATTACHMENT_MIME_TYPES, ATTACHMENTS_PER_ITEM } from "../../db/enums";

import { dangerButtonClass, ErrorList, inputClass, primaryButtonClass } from "./forms";

export const ATTACHMENT_ERROR_PARAM = "attachmentError";
const KNOWN_ERRORS = ["empty", "tooLarge", "typeNotAllowed", "tooMany", "notEditable", "missingFile", "invalid"];

export type AttachmentItem = { id: number; fileName: string; mimeType: string; sizeBytes: number };

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The page to come back to: this one, without a previous notice or error. */
function backPath(pathname: string, search: string): string {
  const params = new URLSearchParams(search);
  params.delete(ATTACHMENT_ERROR_PARAM);
  params.delete("notice");
  const rest = params.toString();
  return rest ? `${pathname}?${rest}` : pathname;
}

export function AttachmentsField({
  ownerType,
  ownerId,
  attachments,
  canEdit,
  redirectTo,
  headingLevel = 2,
}: {
  ownerType: "application" | "demand";
  ownerId: number;
  attachments: readonly AttachmentItem[];
  canEdit: boolean;
  /** Where to come back after an upload or removal; the current page by default. */
  redirectTo?: string;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const back = redirectTo ?? backPath(location.pathname, location.search);
  const code = new URLSearchParams(location.search).get(ATTACHMENT_ERROR_PARAM);
  const error = code && KNOWN_ERRORS.includes(code) ? `attachments:errors.${code}` : null;
  const fieldId = `attachment-file-${ownerType}-${ownerId}`;
  const hintId = `${fieldId}-hint`;
  const errorId = `${fieldId}-error`;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const full = attachments.length >= ATTACHMENTS_PER_ITEM;

  return (
    <section id="attachments" aria-labelledby={`${fieldId}-title`} className="rounded-lg border border-slate-200 bg-white p-5">
      <Heading id={`${fieldId}-title`} className="text-lg font-semibold">
        {t("attachments:title")}
      </Heading>
      {attachments.length === 0 ? (
        <p className="mt-2 text-slate-700">{t("attachments:none")}</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {attachments.map((a) => {
            const image = a.mimeType.startsWith("image/");
            return (
              <li key={a.id} className="flex flex-wrap items-center gap-3" data-attachment-id={a.id}>
                {image ? (
                  <img src={`/attachments/${a.id}`} alt="" className="h-16 w-16 rounded border border-slate-200 object-cover" loading="lazy" />
                ) : (
                  <span aria-hidden="true" className="flex h-16 w-16 items-center justify-center rounded border border-slate-300 bg-slate-50 text-sm font-semibold text-slate-700">
                    PDF
                  </span>
                )}
                <span className="min-w-0 flex-1">
                  <a href={`/attachments/${a.id}`} className="break-all font-medium text-brand-700 underline" data-control>
                    {a.fileName}
                  </a>
                  <span className="block text-sm text-slate-700">
                    {image ? t("attachments:image") : t("attachments:pdf")} · {formatBytes(a.sizeBytes)}
                  </span>
                </span>
                {canEdit ? (
                  <Form method="post" action={`/attachments/${a.id}/delete`} reloadDocument>
                    <input type="hidden" name="redirectTo" value={back} />
                    <button type="submit" className={dangerButtonClass} aria-label={t("attachments:removeLabel", { name: a.fileName })}>
                      {t("attachments:remove")}
                    </button>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {canEdit && full ? (
        <p className="mt-3 text-slate-700">{t("attachments:limitReached", { max: ATTACHMENTS_PER_ITEM })}</p>
      ) : null}
      {canEdit && full && error ? <ErrorList id={errorId} errors={[error]} /> : null}
      {canEdit && !full ? (
        <Form method="post" action="/attachments/upload" encType="multipart/form-data" reloadDocument className="mt-4 space-y-2">
          <input type="hidden" name="ownerType" value={ownerType} />
          <input type="hidden" name="ownerId" value={ownerId} />
          <input type="hidden" name="redirectTo" value={back} />
          <label htmlFor={fieldId} className="block font-medium text-slate-900">
            {t("attachments:file")}
          </label>
          <p id={hintId} className="text-sm text-slate-700">
            {t("attachments:fileHint", { max: ATTACHMENTS_PER_ITEM })}
          </p>
          <input
            id={fieldId}
            name="file"
            type="file"
            required
            accept={ATTACHMENT_MIME_TYPES.join(",")}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
            className={inputClass}
          />
          <ErrorList id={errorId} errors={error ? [error] : null} />
          <button type="submit" className={primaryButtonClass}>
            {t("attachments:upload")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
