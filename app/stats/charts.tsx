/**
 * The statistics charts, drawn with recharts as SVG on the server (fixed size,
 * no ResponsiveContainer, no animation) and hydrated to the same markup in the
 * browser: every label is our own <text> (recharts' Text measures words in the
 * browser and would wrap differently from the server), ticks are never thinned
 * (`interval={0}`), charts carry a fixed `id` (recharts' clip-path ids would
 * otherwise come from a counter), and there is no legend or tooltip that
 * measures itself after mounting.
 *
 * Each chart is a <figure> with a visible caption; its SVG is one image
 * (role="img") named by a summary of the numbers, and the same numbers follow
 * in a data table behind a <details> for screen readers, keyboard users and
 * anyone who wants the figures. Values are written at the end of the bars, so
 * nothing depends on colour or hovering. The SVG scales down with its
 * viewBox to fit a phone.
 */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, LabelList, XAxis, YAxis } from "recharts";

import { ScrollRegion } from "~/components/scroll-region";

import type { MatchStage } from "../../db/enums";

import {
  CURRENT_STATUSES,
  FUNNEL_STAGES,
  type FunnelCounts,
  type ResponseTimes,
  type ReviewCounts,
  type StatusCounts,
} from "./definitions";

/** Colours with at least 4.5:1 against white (text and bars alike). */
export const COLORS = {
  applications: "#084a8c", // brand-700
  demands: "#b45309", // amber-700
  done: "#084a8c",
  pending: "#64748b", // slate-500
  matches: "#0f766e", // teal-700
  text: "#1e293b", // slate-800
} as const;

const WIDTH = 340;
const FONT = 15;
const VALUE_FONT = 14;
const MARGIN = { top: 6, right: 12, bottom: 4, left: 4 };

export type Series = { key: string; label: string; color: string };
export type BarRow = {
  key: string;
  label: string;
  /** A shorter name under a column, where the full one would not fit (the table and summary use `label`). */
  tickLabel?: string;
  values: Record<string, number>;
  /** What is written at the end of the row's bar(s): one text per series, or one for a stack. */
  texts?: string[];
};

function useFormat() {
  const { i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (value: number) => number.format(value);
}

/** "caption: label value, label value; …" — the image's name, read out instead of the picture. */
function useSummary() {
  const { t } = useTranslation();
  const format = useFormat();
  return (caption: string, rows: BarRow[], series: Series[]) => {
    const items = rows.map((row) => {
      const values =
        series.length === 1
          ? format(row.values[series[0].key] ?? 0)
          : series.map((s) => t("stats:chart.seriesValue", { series: s.label, value: format(row.values[s.key] ?? 0) })).join(t("stats:chart.seriesSeparator"));
      return t("stats:chart.item", { label: row.label, value: values });
    });
    return t("stats:chart.summary", { caption, items: items.join(t("stats:chart.itemSeparator")) });
  };
}

/** An estimate of a text's width in SVG units: CJK and full-width characters a full em, others about 0.6 em. */
function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 1 : 0.6;
  return ems * fontSize;
}

type TickProps = { x?: number; y?: number; payload?: { value: string; index: number } };
type ValueLabelProps = { x?: number | string; y?: number | string; width?: number | string; height?: number | string; index?: number };

/**
 * Bars running left to right, one row per category, the category's name
 * written above its bar(s) so that long names never squeeze the bars on a
 * phone. Several series sit side by side, or stack with `stacked`.
 */
function HorizontalBars({ id, title, rows, series, stacked = false }: { id: string; title: string; rows: BarRow[]; series: Series[]; stacked?: boolean }) {
  const bars = stacked ? 1 : series.length;
  const barSize = bars > 1 ? 14 : 18;
  const barsHeight = bars * barSize + (bars - 1) * 2;
  const band = barsHeight + 32;
  const height = rows.length * band + MARGIN.top + MARGIN.bottom;
  // Room at the right of every bar for the value written after it: the scale's end is
  // pushed out until the longest bar and its text fit in the plot.
  const plot = WIDTH - MARGIN.left - MARGIN.right - 1;
  const domainMax = Math.max(
    1,
    ...rows.flatMap((row) => {
      const ends = stacked ? [series.reduce((n, s) => n + (row.values[s.key] ?? 0), 0)] : series.map((s) => row.values[s.key] ?? 0);
      return ends.map((end, i) => (end * plot) / Math.max(plot / 4, plot - 8 - textWidth(row.texts?.[stacked ? 0 : i] ?? "", VALUE_FONT)));
    }),
  );
  const data = rows.map((row) => ({ key: row.key, ...row.values }));
  const labelOf = new Map(rows.map((row) => [row.key, row.label]));

  const Tick = ({ y = 0, payload }: TickProps) => (
    <text x={MARGIN.left} y={y - barsHeight / 2 - 6} fontSize={FONT} fill={COLORS.text}>
      {labelOf.get(payload?.value ?? "") ?? ""}
    </text>
  );
  const valueLabel = (seriesIndex: number) =>
    function ValueLabel({ x = 0, y = 0, width = 0, height = 0, index = 0 }: ValueLabelProps) {
      const text = stacked ? rows[index]?.texts?.[0] : rows[index]?.texts?.[seriesIndex];
      return (
        <text x={Number(x) + Number(width) + 6} y={Number(y) + Number(height) / 2} dominantBaseline="central" fontSize={VALUE_FONT} fill={COLORS.text}>
          {text ?? ""}
        </text>
      );
    };

  return (
    <BarChart
      id={id}
      width={WIDTH}
      height={height}
      data={data}
      layout="vertical"
      margin={MARGIN}
      barSize={barSize}
      barGap={2}
      role="img"
      aria-label={title}
      title={title}
    >
      <XAxis type="number" hide domain={[0, domainMax]} />
      <YAxis type="category" dataKey="key" width={1} interval={0} axisLine={false} tickLine={false} tick={Tick} />
      {series.map((s, i) => (
        <Bar key={s.key} dataKey={s.key} fill={s.color} stroke="#ffffff" strokeWidth={stacked ? 1 : 0} stackId={stacked ? "stack" : undefined} isAnimationActive={false}>
          {!stacked || i === series.length - 1 ? <LabelList dataKey={s.key} content={valueLabel(i)} /> : null}
        </Bar>
      ))}
    </BarChart>
  );
}

/** Columns rising from a baseline, for the response-time histogram. */
function Columns({ id, title, rows, series }: { id: string; title: string; rows: BarRow[]; series: Series }) {
  const height = 220;
  const max = Math.max(1, ...rows.map((row) => row.values[series.key] ?? 0));
  const data = rows.map((row) => ({ key: row.key, ...row.values }));
  const labelOf = new Map(rows.map((row) => [row.key, row.tickLabel ?? row.label]));
  const Tick = ({ x = 0, y = 0, payload }: TickProps) => (
    <text x={x} y={y + 14} textAnchor="middle" fontSize={VALUE_FONT} fill={COLORS.text}>
      {labelOf.get(payload?.value ?? "") ?? ""}
    </text>
  );
  function ValueLabel({ x = 0, y = 0, width = 0, index = 0 }: ValueLabelProps) {
    return (
      <text x={Number(x) + Number(width) / 2} y={Number(y) - 6} textAnchor="middle" fontSize={VALUE_FONT} fill={COLORS.text}>
        {rows[index]?.texts?.[0] ?? ""}
      </text>
    );
  }
  return (
    <BarChart id={id} width={WIDTH} height={height} data={data} margin={{ top: 22, right: 4, bottom: 4, left: 4 }} barSize={30} role="img" aria-label={title} title={title}>
      <XAxis dataKey="key" interval={0} tickLine={false} stroke={COLORS.pending} tick={Tick} height={24} />
      <YAxis hide domain={[0, max]} />
      <Bar dataKey={series.key} fill={series.color} isAnimationActive={false}>
        <LabelList dataKey={series.key} content={ValueLabel} />
      </Bar>
    </BarChart>
  );
}

/** A swatch and a name per series, in HTML (recharts' legend measures itself after mounting). */
function Legend({ series }: { series: Series[] }) {
  if (series.length < 2) return null;
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-base text-slate-800">
      {series.map((s) => (
        <li key={s.key} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: s.color }} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}

function DataTable({ label, categoryHeader, rows, series, extra }: { label: string; categoryHeader: string; rows: BarRow[]; series: Series[]; extra?: { header: string; cells: string[] } }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <details className="mt-3 print:hidden">
      <summary data-control className="cursor-pointer text-brand-700 underline underline-offset-2">
        {t("stats:chart.showTable")}
      </summary>
      <ScrollRegion label={label} className="mt-2">
        <table className="w-full text-left text-base">
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-1 pr-3 font-semibold">
                {categoryHeader}
              </th>
              {series.map((s) => (
                <th key={s.key} scope="col" className="py-1 pl-3 text-right font-semibold">
                  {s.label}
                </th>
              ))}
              {extra ? (
                <th scope="col" className="py-1 pl-3 text-right font-semibold">
                  {extra.header}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={row.key} className="border-b border-slate-100">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {row.label}
                </th>
                {series.map((s) => (
                  <td key={s.key} className="py-1 pl-3 text-right tabular-nums">
                    {format(row.values[s.key] ?? 0)}
                  </td>
                ))}
                {extra ? <td className="py-1 pl-3 text-right tabular-nums">{extra.cells[i]}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}

type FigureProps = {
  id: string;
  caption: string;
  /** Header of the table's first column (what a row is). */
  categoryHeader: string;
  rows: BarRow[];
  /** The table's rows, when it lists more than the chart shows (default: the chart's rows). */
  tableRows?: BarRow[];
  series: Series[];
  /** A sentence under the chart (definitions, totals). */
  note?: ReactNode;
  /** One more column in the table, one cell per table row. */
  extra?: { header: string; cells: string[] };
  columns?: boolean;
  stacked?: boolean;
};

/** The frame every chart shares: caption, legend, the SVG, a note, the data table. */
export function ChartFigure({ id, caption, categoryHeader, rows, tableRows, series, note, extra, columns = false, stacked = false }: FigureProps) {
  const summary = useSummary()(caption, rows, series);
  return (
    <figure className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 break-inside-avoid print:border-slate-400" data-testid="chart" data-chart={id}>
      <figcaption className="text-base font-semibold text-slate-900">{caption}</figcaption>
      <div className="mt-2">
        <Legend series={series} />
      </div>
      {/* recharts sets a fixed pixel size; the viewBox lets it shrink to a phone's width. */}
      <div className="mt-2 w-full max-w-[21.25rem] [&_.recharts-wrapper]:!h-auto [&_.recharts-wrapper]:!w-full [&_svg]:!h-auto [&_svg]:!w-full">
        {columns ? <Columns id={id} title={summary} rows={rows} series={series[0]} /> : <HorizontalBars id={id} title={summary} rows={rows} series={series} stacked={stacked} />}
      </div>
      {note ? <div className="mt-2 text-base text-slate-700">{note}</div> : null}
      <DataTable label={caption} categoryHeader={categoryHeader} rows={tableRows ?? rows} series={series} extra={extra} />
    </figure>
  );
}

const share = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : "—");

/** Submitted → passed screening → scored → shortlisted → selected, with each stage's share of the submissions. */
export function FunnelChart({ id, caption, counts, kind }: { id: string; caption: string; counts: FunnelCounts; kind: "applications" | "demands" }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label = t(`stats:items.${kind}`);
  const series: Series[] = [{ key: "count", label, color: COLORS[kind] }];
  const shares = FUNNEL_STAGES.map((stage) => share(counts[stage], counts.submitted));
  const rows: BarRow[] = FUNNEL_STAGES.map((stage, i) => ({
    key: stage,
    label: t(`stats:stages.${stage}`),
    values: { count: counts[stage] },
    texts: [t("stats:funnel.valueShare", { value: format(counts[stage]), share: shares[i] })],
  }));
  return <ChartFigure id={id} caption={caption} categoryHeader={t("stats:funnel.stage")} rows={rows} series={series} extra={{ header: t("stats:funnel.share"), cells: shares }} />;
}

type CategoryRow = { key: string; label: string; demands?: number; applications?: number };

/** Public demands and applications per category (domain, subdistrict, technology). */
export function CategoryChart({
  id,
  caption,
  categoryHeader,
  rows,
  tableRows,
  kinds,
  note,
  extra,
}: {
  id: string;
  caption: string;
  categoryHeader: string;
  rows: CategoryRow[];
  /** All the categories, when the chart shows only the first ones. */
  tableRows?: CategoryRow[];
  kinds: ("demands" | "applications")[];
  note?: ReactNode;
  extra?: { header: string; cells: string[] };
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const series: Series[] = kinds.map((kind) => ({ key: kind, label: t(`stats:items.${kind}`), color: COLORS[kind] }));
  const toBarRow = (row: CategoryRow): BarRow => ({
    key: row.key,
    label: row.label,
    values: Object.fromEntries(kinds.map((kind) => [kind, row[kind] ?? 0])),
    texts: kinds.map((kind) => format(row[kind] ?? 0)),
  });
  return (
    <ChartFigure
      id={id}
      caption={caption}
      categoryHeader={categoryHeader}
      rows={rows.map(toBarRow)}
      tableRows={tableRows?.map(toBarRow)}
      series={series}
      note={note}
      extra={extra}
    />
  );
}

/** Reviewer assignments done and still pending, per kind of item, as one stacked bar each. */
export function ReviewProgressChart({ id, caption, review, note }: { id: string; caption: string; review: { applications: ReviewCounts; demands: ReviewCounts }; note?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const series: Series[] = [
    { key: "done", label: t("stats:review.done"), color: COLORS.done },
    { key: "pending", label: t("stats:review.pending"), color: COLORS.pending },
  ];
  const kinds = (["applications", "demands"] as const).filter((kind) => review[kind].assignments > 0);
  const rows: BarRow[] = kinds.map((kind) => ({
    key: kind,
    label: t(`stats:items.${kind}`),
    values: { done: review[kind].done, pending: review[kind].pending },
    texts: [t("stats:review.doneOfTotal", { done: format(review[kind].done), total: format(review[kind].assignments), share: share(review[kind].done, review[kind].assignments) })],
  }));
  return (
    <ChartFigure
      id={id}
      caption={caption}
      categoryHeader={t("stats:review.kind")}
      rows={rows}
      series={series}
      stacked
      note={note}
      extra={{ header: t("stats:review.share"), cells: kinds.map((kind) => share(review[kind].done, review[kind].assignments)) }}
    />
  );
}

/** Where a campaign's items stand now, applications and demands side by side. */
export function StatusChart({ id, caption, status }: { id: string; caption: string; status: { applications: StatusCounts; demands: StatusCounts } }) {
  const { t } = useTranslation();
  const rows = CURRENT_STATUSES.filter((s) => status.applications[s] + status.demands[s] > 0).map((s) => ({
    key: s,
    label: t(`stats:status.${s}`),
    applications: status.applications[s],
    demands: status.demands[s],
  }));
  return <CategoryChart id={id} caption={caption} categoryHeader={t("stats:status.header")} rows={rows} kinds={["applications", "demands"]} />;
}

/** How many items got their first response within each span of days. */
export function ResponseTimeChart({ id, caption, times, kind, note }: { id: string; caption: string; times: ResponseTimes; kind: "applications" | "demands"; note?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const series: Series[] = [{ key: "count", label: t(`stats:items.${kind}`), color: COLORS[kind] }];
  const rows: BarRow[] = times.histogram.map((bucket) => ({
    key: `${bucket.fromDays}`,
    label: bucket.toDays === null ? t("stats:responses.bucketOpen", { from: bucket.fromDays }) : t("stats:responses.bucket", { from: bucket.fromDays, to: bucket.toDays }),
    tickLabel: bucket.toDays === null ? `${bucket.fromDays}+` : `${bucket.fromDays}–${bucket.toDays}`,
    values: { count: bucket.count },
    texts: [format(bucket.count)],
  }));
  return <ChartFigure id={id} caption={caption} categoryHeader={t("stats:responses.days")} rows={rows} series={series} columns note={note} />;
}

/** Public matches at each confirmed stage of the pipeline. */
export function MatchStagesChart({ id, caption, stages, note }: { id: string; caption: string; stages: { stage: MatchStage; count: number }[]; note?: ReactNode }) {
  const { t } = useTranslation();
  const format = useFormat();
  const series: Series[] = [{ key: "count", label: t("stats:matches.count"), color: COLORS.matches }];
  const rows: BarRow[] = stages.map((s) => ({ key: s.stage, label: t(`stats:matches.stages.${s.stage}`), values: { count: s.count }, texts: [format(s.count)] }));
  return <ChartFigure id={id} caption={caption} categoryHeader={t("stats:matches.stage")} rows={rows} series={series} note={note} />;
}
