/**
 * `npm run bench [-- --quick]`: runs the kernel benchmarks and, when present, the model and runner ones
 * (`test/bench/model.ts`, `test/bench/runner.ts`), then prints one table and the machine.
 * Each benchmark file exports `bench(options): Promise<BenchRow[]>`. Figures from one run are
 * comparable with each other; across runs they vary by 10-30% on this shared machine. The process runs
 * with the V8 settings of `cssim` and its workers (`engine/runner/v8-tuning.ts`).
 */
import { cpus } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tuneV8ForKernel } from '../../engine/runner/v8-tuning.ts';

/** One measured figure. */
export interface BenchRow {
  /** What was measured, e.g. 'M/M/10 through Simulation'. */
  name: string;
  value: number;
  /** e.g. 'events/s', 'ratio', 'replicates/s'. */
  unit: string;
  note?: string;
}

/** Options every benchmark receives. */
export interface BenchOptions {
  /** A short run (seconds, for CI and smoke checks) instead of the full one. */
  quick: boolean;
}

/** The machine the figures come from. */
export function machine(): { cores: number; cpu: string; node: string } {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    // the model name alone may not tell CPU generations apart (a virtual machine may report "AMD EPYC"):
    // add the family and model numbers
    const lines = readFileSync('/proc/cpuinfo', 'utf8').split('\n');
    const field = (name: string): string | undefined => lines.find((l) => l.split(':')[0].trim() === name)?.split(':')[1]?.trim();
    const name = field('model name');
    if (name) cpu = name;
    const family = field('cpu family');
    const model = field('model');
    if (family !== undefined && model !== undefined) cpu += ` (family ${family}, model ${model})`;
  } catch {
    // not Linux: keep os.cpus()
  }
  return { cores: cpus().length, cpu, node: process.version };
}

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1e6) return `${(value / 1e6).toFixed(2)} M`;
  if (Math.abs(value) >= 1e4) return `${(value / 1e3).toFixed(1)} k`;
  return Number(value.toPrecision(3)).toString();
}

/** A plain-text table: a header, a rule and the rows, columns padded to their widest cell (`right(i)`: right-aligned). */
export function textTable(header: string[], rows: string[][], right: (column: number) => boolean): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (right(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  // the V8 settings `cssim selfcheck` uses, before any benchmark code is compiled (the model runs in a
  // child process and the runner in workers, which load the worker bundle: it adds the model's settings)
  tuneV8ForKernel();
  const quick = process.argv.includes('--quick');
  const here = fileURLToPath(new URL('.', import.meta.url));
  const rows: { suite: string; row: BenchRow }[] = [];
  for (const suite of ['kernel', 'model', 'runner']) {
    const file = `${here}${suite}.ts`;
    if (!existsSync(file)) {
      process.stderr.write(`bench: ${suite}.ts not found, skipped\n`);
      continue;
    }
    process.stderr.write(`bench: ${suite}${quick ? ' (quick)' : ''}...\n`);
    const mod = (await import(pathToFileURL(file).href)) as { bench(options: BenchOptions): Promise<BenchRow[]> };
    for (const row of await mod.bench({ quick })) rows.push({ suite, row });
  }
  const table = rows.map(({ suite, row }) => [suite, row.name, format(row.value), row.unit, row.note ?? '']);
  const m = machine();
  process.stdout.write(
    textTable(['suite', 'benchmark', 'value', 'unit', 'note'], table, (i) => i === 2) +
      `\n\nmachine: ${m.cores} cores, ${m.cpu}, Node ${m.node}${quick ? ' (quick run)' : ''}\n`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
