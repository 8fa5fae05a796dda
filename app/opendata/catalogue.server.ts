/**
 * The catalogue the /data page shows: every dataset with its description,
 * row count, last change, download addresses and column dictionary, in the
 * reader's language, and the request budget a download spends.
 */
import type { Locale } from "~/locales";
import { apiLimitsFromEnv } from "~/api/rate-limit.server";
import { fixedT } from "~/utils/i18n.server";

import type { Database } from "../../db/client";

import { FULL_DATASETS, fullDataset, listColumns, listDatasets, type Bilingual, type Column, type Dataset } from "./datasets.server";
import { FULL_DATASET_COST, LIST_COST } from "./download.server";
import { FORMATS, LICENSE, type Format } from "./formats.server";

export type ColumnView = { key: string; type: string; label: string; meaning: string; values: { value: string; label: string }[] };

export type Download = {
  format: Format;
  /** The file with the column keys as its header row. */
  href: string;
  /** CSV and XLSX with the header row in the reader's language. */
  localizedHref: string | null;
};

export type DatasetCard = {
  id: string;
  title: string;
  description: string;
  rows: number;
  lastChanged: string | null;
  downloads: Download[];
};

export type Catalogue = {
  datasets: (DatasetCard & { columns: ColumnView[] })[];
  lists: DatasetCard[];
  /** Every published list has these columns. */
  listColumns: ColumnView[];
  limits: { limit: number; seconds: number; full: number; list: number };
  licenceUrl: string;
};

const pick = (text: Bilingual, locale: Locale) => (locale === "en" ? text.en : text.zh);

function columnViews(columns: Column[], locale: Locale): ColumnView[] {
  const t = fixedT(locale);
  return columns.map((c) => ({
    key: c.key,
    type: t(`opendata:types.${c.type}`),
    label: pick(c.label, locale),
    meaning: pick(c.meaning, locale),
    values: (c.values ?? []).map((v) => ({ value: v.value, label: pick(v, locale) })),
  }));
}

function downloadsOf(dataset: Dataset, locale: Locale): Download[] {
  return FORMATS.map((format) => ({
    format,
    href: `${dataset.path}.${format}`,
    localizedHref: format === "json" ? null : `${dataset.path}.${format}?lang=${locale}`,
  }));
}

async function cardOf(db: Database, dataset: Dataset, locale: Locale): Promise<DatasetCard> {
  const stat = await dataset.stat(db);
  return {
    id: dataset.id,
    title: pick(dataset.title, locale),
    description: pick(dataset.description, locale),
    rows: stat.rows,
    lastChanged: stat.lastChanged?.toISOString() ?? null,
    downloads: downloadsOf(dataset, locale),
  };
}

export async function openDataCatalogue(db: Database, locale: Locale): Promise<Catalogue> {
  const datasets = [];
  // One after the other: on the embedded database the queries would queue anyway.
  for (const name of FULL_DATASETS) {
    const dataset = fullDataset(name);
    datasets.push({ ...(await cardOf(db, dataset, locale)), columns: columnViews(dataset.columns, locale) });
  }
  const lists = [];
  for (const dataset of await listDatasets(db)) lists.push(await cardOf(db, dataset, locale));
  const limits = apiLimitsFromEnv();
  return {
    datasets,
    lists,
    listColumns: columnViews(listColumns(), locale),
    limits: { limit: limits.points, seconds: limits.windowSeconds, full: FULL_DATASET_COST, list: LIST_COST },
    licenceUrl: locale === "en" ? LICENSE.url : LICENSE.urlZh,
  };
}
