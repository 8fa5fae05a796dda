/**
 * The progress of an import while it runs (with JavaScript): polls the JSON
 * status route and shows a <progress> bar, with a polite live region that
 * speaks at each phase and every quarter rather than at every poll.
 * Checking counts as the first 30 % of the bar, writing as the rest.
 */
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

export type ImportStatus = {
  phase: "pending" | "validating" | "writing" | "done" | "failed";
  processed: number;
  total: number;
  runId: number | null;
};

const POLL_MS = 700;

/** Poll `url` while it is set; the latest status, or null before the first answer. */
export function useImportStatus(url: string | null): ImportStatus | null {
  const [status, setStatus] = useState<{ url: string; status: ImportStatus } | null>(null);
  useEffect(() => {
    if (!url) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();
    const poll = async () => {
      try {
        const response = await fetch(url, { headers: { Accept: "application/json" }, signal: controller.signal, cache: "no-store" });
        if (response.ok) {
          const next = (await response.json()) as ImportStatus;
          if (!stopped) setStatus({ url, status: next });
          if (next.phase === "done" || next.phase === "failed") return;
        }
      } catch {
        // A missed poll is not a problem; the next one will tell.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [url]);
  return url && status?.url === url ? status.status : null;
}

function fraction(status: ImportStatus | null): number | null {
  if (!status || status.total <= 0) return status?.phase === "done" ? 1 : null;
  const part = Math.min(1, status.processed / status.total);
  if (status.phase === "validating") return 0.3 * part;
  if (status.phase === "writing") return 0.3 + 0.7 * part;
  if (status.phase === "done" || status.phase === "failed") return 1;
  return null;
}

export function ImportProgress({ status, id = "import-progress" }: { status: ImportStatus | null; id?: string }) {
  const { t } = useTranslation();
  const f = fraction(status);
  let text = t("import:progress.uploading");
  if (status?.phase === "validating") text = t("import:progress.validating", { processed: status.processed, total: status.total });
  if (status?.phase === "writing") text = t("import:progress.writing", { processed: status.processed, total: status.total });
  if (status?.phase === "done") text = t("import:progress.done");
  if (status?.phase === "failed") text = t("import:progress.failed");
  // What the live region says changes only at a new phase or quarter, not at every poll.
  const quarter = f === null ? -1 : Math.floor(f * 4);
  const milestone = `${status?.phase ?? "pending"}:${quarter}`;
  const [spoken, setSpoken] = useState({ milestone, text });
  if (spoken.milestone !== milestone) setSpoken({ milestone, text });
  return (
    <div className="mt-4 rounded-md border border-brand-200 bg-brand-50 p-4">
      <label htmlFor={id} className="block font-medium text-slate-900">
        {t("import:progress.label")}
      </label>
      {f === null ? (
        <progress id={id} className="mt-2 h-4 w-full" />
      ) : (
        <progress id={id} className="mt-2 h-4 w-full" max={100} value={Math.round(f * 100)} />
      )}
      <p className="mt-2 text-slate-900" aria-hidden="true">
        {text}
      </p>
      <p role="status" aria-live="polite" className="sr-only">
        {spoken.text}
      </p>
    </div>
  );
}
