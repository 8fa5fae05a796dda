/**
 * `npm run bench:opendata` — how long the open-data downloads take at 100×
 * the demo data (50,000 applications, 5,000 demands): every dataset (the
 * four full ones and each published list) in every format (CSV, XLSX,
 * JSON), generated exactly as the download route streams it, read to the
 * end; printed with its rows, bytes, wall and CPU milliseconds (the median
 * of the runs),
 * the time of the `stat` query behind the ETag and the /data page, and the
 * peak memory of the process.
 *
 * Database: the same as the other benchmarks (scripts/bench-database.ts) —
 * BENCH_DATABASE_URL, else a `putuo_bench` database next to
 * TEST_DATABASE_URL, else an embedded PGlite in ./data/bench-pglite; the
 * seeded data is kept between runs and shared.
 * Options: --runs N (per dataset and format, default 3), --scale N
 * (default 100), --reseed.
 */
import { FULL_DATASETS, fullDataset, listDatasets, type Dataset } from "../app/opendata/datasets.server";
import { FORMATS, renderStream, type Format } from "../app/opendata/formats.server";

import { chooseTarget, describeTarget, ensureBenchData, flag, hasFlag, openTarget, percentile } from "./bench-database";

const RUNS = flag("runs", 3);
const SCALE = flag("scale", 100);
const RESEED = hasFlag("reseed");

type Measure = { dataset: string; format: Format | "stat"; rows: number; bytes: number; ms: number; cpuMs: number };

/** This process's CPU time: on PGlite the database's too. Wall time on a shared machine mostly measures the other jobs. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function readAll(stream: ReadableStream<Uint8Array>): Promise<number> {
  let bytes = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
  }
}

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

const target = await chooseTarget();
console.log(`Database: ${describeTarget(target)} · ${RUNS} runs per dataset and format`);
const handle = await openTarget(target);
const results: Measure[] = [];
let peakRss = process.memoryUsage().rss;
const watch = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
try {
  await ensureBenchData(handle, { scale: SCALE, reseed: RESEED });
  const db = handle.db;
  const datasets: Dataset[] = [...FULL_DATASETS.map((name) => fullDataset(name)), ...(await listDatasets(db))];
  for (const dataset of datasets) {
    const statTimes: number[] = [];
    const statCpu: number[] = [];
    let rows = 0;
    for (let run = 0; run < RUNS; run++) {
      const [started, cpu] = [performance.now(), cpuMs()];
      rows = (await dataset.stat(db)).rows;
      statTimes.push(performance.now() - started);
      statCpu.push(cpuMs() - cpu);
    }
    results.push({ dataset: dataset.id, format: "stat", rows, bytes: 0, ms: median(statTimes), cpuMs: median(statCpu) });
    for (const format of FORMATS) {
      const times: number[] = [];
      const cpus: number[] = [];
      let bytes = 0;
      for (let run = 0; run < RUNS; run++) {
        const [started, cpu] = [performance.now(), cpuMs()];
        bytes = await readAll(renderStream(dataset, dataset.batches(db), format, { header: "keys" }));
        times.push(performance.now() - started);
        cpus.push(cpuMs() - cpu);
      }
      results.push({ dataset: dataset.id, format, rows, bytes, ms: median(times), cpuMs: median(cpus) });
      console.log(`  ${dataset.id} ${format}: ${rows} rows, ${bytes} bytes, ${median(times).toFixed(0)} ms`);
    }
  }
} finally {
  clearInterval(watch);
  await handle.close();
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
console.log(`\n${"dataset".padEnd(34)}${"format".padEnd(8)}${"rows".padStart(9)}${"bytes".padStart(14)}${"MB".padStart(8)}${"ms".padStart(9)}${"cpu ms".padStart(9)}${"rows/s".padStart(10)}`);
for (const r of results) {
  const rate = r.format === "stat" ? "" : Math.round(r.rows / (r.ms / 1000)).toLocaleString("en-US");
  console.log(
    `${r.dataset.padEnd(34)}${r.format.padEnd(8)}${r.rows.toLocaleString("en-US").padStart(9)}${(r.format === "stat" ? "" : r.bytes.toLocaleString("en-US")).padStart(14)}` +
      `${(r.format === "stat" ? "" : mb(r.bytes)).padStart(8)}${r.ms.toFixed(0).padStart(9)}${r.cpuMs.toFixed(0).padStart(9)}${rate.padStart(10)}`,
  );
}
console.log(`\nPeak memory (RSS) of this process: ${mb(peakRss)} MB. Times are medians of ${RUNS} runs; "stat" is the query behind the ETag and the /data page.`);
