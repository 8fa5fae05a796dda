/**
 * The upload form (kind, campaign) as a zod schema for conform. The file is
 * read by the multipart parser and checked by runImport; its problems come
 * back beside the file field.
 */
import { z } from "zod";

import { IMPORT_KINDS } from "../../db/enums";

export const importFormSchema = z.object({
  kind: z.enum(IMPORT_KINDS, { error: "import:errors.kindInvalid" }),
  campaign: z
    .string({ error: "import:errors.campaignRequired" })
    .trim()
    .min(1, "import:errors.campaignRequired")
    .max(200, "import:errors.campaignRequired"),
  progressKey: z.string().max(64).optional(),
});

export type ImportFormValues = z.infer<typeof importFormSchema>;
