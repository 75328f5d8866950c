/**
 * Reads a run directory written by `cssim run` (manifest.json and the CSV tables) for the report.
 *
 * Every file is validated as it is read: a missing file, a missing column or a value that is not a
 * number gives a `RunDirError` naming the file (and the line and column), never a half-drawn report.
 * The manifest is read defensively: a few field names have accepted aliases (listed in `readManifest`).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseFile } from 'fast-csv';

/** A run directory that cannot be reported: names the file and what is wrong with it. */
export class RunDirError extends Error {
  constructor(
    /** Path of the file (or directory) at fault. */
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'RunDirError';
  }
}

/** A published figure the model was calibrated to (one entry of `CALIBRATION_TARGETS`). */
export type { CalibrationTarget } from '../model/calibration.ts';

/** One dated structural change of an arm, as scheduled in the scenario. */
export interface RunArmChange {
  readonly date: string;
  readonly structure: string;
}

/** One arm of the scenario as the report needs it. */
export interface RunArm {
  readonly id: string;
  readonly name: string;
  readonly structure: string;
  readonly changes: readonly RunArmChange[];
}

/** The fields of manifest.json the report uses, with the resolved scenario kept whole for the appendix. */
export interface RunManifest {
  readonly scenarioName: string;
  readonly scenarioDescription: string;
  /** Full SHA-256 hex of the resolved scenario. */
  readonly scenarioHash: string;
  readonly scenarioFile: string | null;
  readonly seed: number;
  /** Replicates per arm. */
  readonly replicates: number;
  readonly workers: number | null;
  readonly cssimVersion: string;
  readonly gitCommit: string | null;
  readonly generator: string | null;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly status: string;
  /** ISO date of the first month of the horizon. */
  readonly start: string;
  readonly arms: readonly RunArm[];
  /** Id of the baseline arm. */
  readonly baseline: string;
  /** Paired variance / unpaired variance, per arm and metric (below 1 means pairing helped). */
  readonly varianceReduction: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** The resolved scenario object as written (for the appendix). */
  readonly resolved: Readonly<Record<string, unknown>>;
  /** The whole manifest as written. */
  readonly raw: Readonly<Record<string, unknown>>;
}

/** One row of summary.csv: an arm's outcome across replicates. */
export interface RunSummaryRow {
  readonly arm: string;
  readonly metric: string;
  readonly mean: number;
  readonly sd: number;
  /** 95% confidence interval of the mean. */
  readonly ciLow: number;
  readonly ciHigh: number;
  readonly p05: number;
  readonly p50: number;
  readonly p95: number;
  readonly n: number;
}

/** One row of comparison.csv: the paired difference arm − baseline of one outcome. */
export interface RunComparisonRow {
  readonly arm: string;
  readonly baseline: string;
  readonly metric: string;
  readonly meanDiff: number;
  /** 95% confidence interval of the mean paired difference. */
  readonly ciLow: number;
  readonly ciHigh: number;
  /** Share of paired replicates where the arm did better (0-1); null when the outcome has no better direction. */
  readonly probBetter: number | null;
  readonly n: number;
}

/** One row of timeseries.csv: one series of one arm in one month, across replicates. */
export interface RunTimeseriesRow {
  readonly arm: string;
  /** Month index from the start of the horizon, 0-based. */
  readonly month: number;
  /** ISO date of the month's first day. */
  readonly date: string;
  readonly metric: string;
  readonly mean: number;
  readonly p05: number;
  /** Present only when the run wrote quartiles. */
  readonly p25: number | null;
  readonly p50: number;
  readonly p75: number | null;
  readonly p95: number;
  readonly n: number;
}

/** One row of replicates.csv. */
export interface RunReplicateRow {
  readonly arm: string;
  readonly replicate: number;
  readonly metric: string;
  readonly value: number;
}

/** One row of changes.csv: a structural change that happened in a replicate. */
export interface RunChangeRow {
  readonly arm: string;
  readonly replicate: number;
  readonly authority: string;
  readonly date: string;
  readonly structure: string;
  readonly cause: string;
}

/** Everything the report reads from a run directory. */
export interface RunData {
  readonly dir: string;
  readonly manifest: RunManifest;
  readonly summary: readonly RunSummaryRow[];
  readonly comparison: readonly RunComparisonRow[];
  readonly timeseries: readonly RunTimeseriesRow[];
  readonly replicates: readonly RunReplicateRow[];
  readonly changes: readonly RunChangeRow[];
}

type Raw = Record<string, string>;

/** Parses a CSV file with a header row, checking that `required` columns are there. */
async function readCsv(file: string, required: readonly string[]): Promise<{ rows: Raw[]; columns: string[] }> {
  if (!existsSync(file)) throw new RunDirError(file, 'file is missing (is this a finished `cssim run` output directory?)');
  let columns: string[] = [];
  const rows: Raw[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      parseFile(file, {
        headers: (h) => {
          columns = h.map((c) => (c ?? '').trim());
          return columns;
        },
        ignoreEmpty: true,
        strictColumnHandling: true,
      })
        .on('error', reject)
        .on('data-invalid', (_row: unknown, n: number) => reject(new Error(`line ${n + 1} has a different number of fields from the header`)))
        .on('data', (row: Raw) => rows.push(row))
        .on('end', () => resolve());
    });
  } catch (err) {
    throw new RunDirError(file, `not a valid CSV file: ${(err as Error).message}`);
  }
  if (columns.length === 0) throw new RunDirError(file, 'empty file: expected a header row');
  const missing = required.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new RunDirError(file, `missing column(s) ${missing.join(', ')}; expected columns ${required.join(',')} (found ${columns.join(',')})`);
  }
  return { rows, columns };
}

/**
 * Reads a numeric cell. '' and 'NaN' give NaN (the runner writes a missing value, e.g. the SD of one
 * replicate or an undefined probability better, as an empty field); anything else that is not a
 * number is an error naming the file, line and column.
 */
function num(file: string, row: Raw, col: string, line: number): number {
  const s = (row[col] ?? '').trim();
  if (s === '' || s === 'NaN') return Number.NaN;
  const v = Number(s);
  if (Number.isNaN(v)) throw new RunDirError(file, `line ${line}, column ${col}: "${s}" is not a number`);
  return v;
}

function str(file: string, row: Raw, col: string, line: number): string {
  const s = row[col];
  if (s === undefined || s === '') throw new RunDirError(file, `line ${line}, column ${col}: empty value`);
  return s;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const firstString = (...vs: unknown[]): string | null => {
  for (const v of vs) if (typeof v === 'string' && v !== '') return v;
  return null;
};
const firstNumber = (...vs: unknown[]): number | null => {
  for (const v of vs) if (typeof v === 'number' && Number.isFinite(v)) return v;
  return null;
};

/** "xoshiro128** v1 (seeding)" from the runner's `{ name, version, seeding }`. */
function generatorText(g: Record<string, unknown>): string {
  const name = firstString(g.name) ?? JSON.stringify(g);
  const version = g.version === undefined ? '' : ` v${String(g.version)}`;
  const seeding = firstString(g.seeding);
  return `${name}${version}${seeding ? ` (${seeding})` : ''}`;
}

/**
 * Reads manifest.json. Accepted aliases: the resolved scenario as `resolved` or `scenario`; the hash
 * as `scenarioHash` or `resolved.hash`; the seed as `seed` or `resolved.seed`; replicates as
 * `replicates` or `n` or `resolved.replicates`; the version as `cssimVersion` or `version`.
 */
export function readManifest(dir: string): RunManifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new RunDirError(file, 'file is missing (is this a `cssim run` output directory?)');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new RunDirError(file, `not valid JSON: ${(err as Error).message}`);
  }
  if (!isObj(raw)) throw new RunDirError(file, 'expected a JSON object');
  const resolved = isObj(raw.resolved) ? raw.resolved : isObj(raw.scenario) ? raw.scenario : null;
  if (!resolved) throw new RunDirError(file, 'missing field "resolved" (the resolved scenario)');
  const armsRaw = resolved.arms;
  if (!Array.isArray(armsRaw) || armsRaw.length === 0) throw new RunDirError(file, 'field "resolved.arms" must be a non-empty array');
  const arms: RunArm[] = armsRaw.map((a, i) => {
    if (!isObj(a) || typeof a.id !== 'string') throw new RunDirError(file, `resolved.arms[${i}] must be an object with a string "id"`);
    const changes = Array.isArray(a.changes) ? a.changes.filter(isObj) : [];
    return {
      id: a.id,
      name: firstString(a.name) ?? a.id,
      structure: firstString(a.structure) ?? '',
      changes: changes.map((c) => ({ date: String(c.date ?? ''), structure: String(c.structure ?? '') })),
    };
  });
  const baseline = firstString(resolved.baseline, raw.baseline) ?? arms[0].id;
  if (!arms.some((a) => a.id === baseline)) throw new RunDirError(file, `baseline "${baseline}" is not one of the arms (${arms.map((a) => a.id).join(', ')})`);
  const hash = firstString(raw.scenarioHash, resolved.hash, raw.hash);
  if (!hash) throw new RunDirError(file, 'missing field "scenarioHash"');
  const seed = firstNumber(raw.seed, resolved.seed);
  if (seed === null) throw new RunDirError(file, 'missing field "seed"');
  const vr = isObj(raw.varianceReduction) ? raw.varianceReduction : {};
  const varianceReduction: Record<string, Record<string, number>> = {};
  for (const [arm, m] of Object.entries(vr)) {
    if (!isObj(m)) continue;
    varianceReduction[arm] = {};
    for (const [k, v] of Object.entries(m)) if (typeof v === 'number') varianceReduction[arm][k] = v;
  }
  return {
    scenarioName: firstString(resolved.name) ?? '(unnamed scenario)',
    scenarioDescription: firstString(resolved.description) ?? '',
    scenarioHash: hash,
    scenarioFile: firstString(raw.scenarioFile),
    seed,
    replicates: firstNumber(raw.replicates, raw.n, resolved.replicates) ?? 0,
    workers: firstNumber(raw.workers),
    cssimVersion: firstString(raw.cssimVersion, raw.version) ?? 'unknown',
    gitCommit: firstString(raw.gitCommit),
    generator: typeof raw.generator === 'string' ? raw.generator : isObj(raw.generator) ? generatorText(raw.generator) : null,
    startedAt: firstString(raw.startedAt),
    endedAt: firstString(raw.endedAt),
    status: firstString(raw.status) ?? 'unknown',
    start: firstString(resolved.start) ?? '',
    arms,
    baseline,
    varianceReduction,
    resolved,
    raw,
  };
}

/**
 * Reads and validates a whole run directory.
 *
 * @throws RunDirError naming the file when the directory, a file, a column or a value is missing or bad.
 */
export async function readRun(dir: string): Promise<RunData> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new RunDirError(dir, 'not a directory (expected the output directory of `cssim run`)');
  const manifest = readManifest(dir);
  const armIds = new Set(manifest.arms.map((a) => a.id));
  const checkArm = (file: string, arm: string, line: number): string => {
    if (!armIds.has(arm)) throw new RunDirError(file, `line ${line}: arm "${arm}" is not in manifest.json (arms: ${[...armIds].join(', ')})`);
    return arm;
  };

  let f = join(dir, 'summary.csv');
  const summaryCsv = await readCsv(f, ['arm', 'metric', 'mean', 'sd', 'ci_low', 'ci_high', 'p05', 'p50', 'p95', 'n']);
  const summary = summaryCsv.rows.map((r, i): RunSummaryRow => {
    const line = i + 2;
    return {
      arm: checkArm(f, str(f, r, 'arm', line), line), metric: str(f, r, 'metric', line),
      mean: num(f, r, 'mean', line), sd: num(f, r, 'sd', line), ciLow: num(f, r, 'ci_low', line), ciHigh: num(f, r, 'ci_high', line),
      p05: num(f, r, 'p05', line), p50: num(f, r, 'p50', line), p95: num(f, r, 'p95', line), n: num(f, r, 'n', line),
    };
  });
  if (summary.length === 0) throw new RunDirError(f, 'no rows: the run finished no replicates');

  const fc = join(dir, 'comparison.csv');
  const comparisonCsv = await readCsv(fc, ['arm', 'baseline', 'metric', 'mean_diff', 'ci_low', 'ci_high', 'prob_better', 'n']);
  const comparison = comparisonCsv.rows.map((r, i): RunComparisonRow => {
    const line = i + 2;
    const pb = num(fc, r, 'prob_better', line);
    return {
      arm: checkArm(fc, str(fc, r, 'arm', line), line), baseline: str(fc, r, 'baseline', line), metric: str(fc, r, 'metric', line),
      meanDiff: num(fc, r, 'mean_diff', line), ciLow: num(fc, r, 'ci_low', line), ciHigh: num(fc, r, 'ci_high', line),
      probBetter: Number.isNaN(pb) ? null : pb, n: num(fc, r, 'n', line),
    };
  });

  f = join(dir, 'timeseries.csv');
  const tsCsv = await readCsv(f, ['arm', 'month', 'date', 'metric', 'mean', 'p05', 'p50', 'p95', 'n']);
  const hasQuartiles = tsCsv.columns.includes('p25') && tsCsv.columns.includes('p75');
  const tf = f;
  const timeseries = tsCsv.rows.map((r, i): RunTimeseriesRow => {
    const line = i + 2;
    return {
      arm: checkArm(tf, str(tf, r, 'arm', line), line), month: num(tf, r, 'month', line), date: str(tf, r, 'date', line), metric: str(tf, r, 'metric', line),
      mean: num(tf, r, 'mean', line), p05: num(tf, r, 'p05', line), p25: hasQuartiles ? num(tf, r, 'p25', line) : null,
      p50: num(tf, r, 'p50', line), p75: hasQuartiles ? num(tf, r, 'p75', line) : null, p95: num(tf, r, 'p95', line), n: num(tf, r, 'n', line),
    };
  });

  const fr = join(dir, 'replicates.csv');
  const repCsv = await readCsv(fr, ['arm', 'replicate', 'metric', 'value']);
  const replicates = repCsv.rows.map((r, i): RunReplicateRow => {
    const line = i + 2;
    return { arm: checkArm(fr, str(fr, r, 'arm', line), line), replicate: num(fr, r, 'replicate', line), metric: str(fr, r, 'metric', line), value: num(fr, r, 'value', line) };
  });

  const fch = join(dir, 'changes.csv');
  const chCsv = await readCsv(fch, ['arm', 'replicate', 'authority', 'date', 'structure', 'cause']);
  const changes = chCsv.rows.map((r, i): RunChangeRow => {
    const line = i + 2;
    return {
      arm: checkArm(fch, str(fch, r, 'arm', line), line), replicate: num(fch, r, 'replicate', line), authority: r.authority ?? '',
      date: str(fch, r, 'date', line), structure: str(fch, r, 'structure', line), cause: r.cause ?? '',
    };
  });

  return { dir, manifest, summary, comparison, timeseries, replicates, changes };
}
