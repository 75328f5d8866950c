/**
 * `npm run bench:instructions`: instructions and cache misses per unit of work, counted by valgrind's
 * cachegrind (a simulated CPU: counts repeat within about 1% from run to run, the noise of V8's
 * background threads and garbage collection, unlike times on a shared machine). Each target runs in two
 * child processes of different lengths under cachegrind; the difference divided by the difference in
 * work gives the cost per unit, so start-up, module loading and most JIT compilation cancel out. Use it
 * to judge a change to the hot path before timing it.
 *
 * Targets: the model (per replicate of england-average, status quo; `model` runs the runner's worker
 * bundle, the code `cssim run` executes, `model-tsx` the same code unbundled through tsx), M/M/10
 * through `Simulation`, the same M/M/10 by hand and the bare heap loop (per event). Needs `valgrind` (Debian: apt-get install
 * valgrind); takes about 8 minutes for all five (cachegrind runs code about 50 times slower).
 * `-- model` or `-- mmc bare` runs only the named targets. The model runs with the V8 settings of the
 * runner's workers, the kernel targets with those of `cssim selfcheck` (`engine/runner/v8-tuning.ts`).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runReplicate } from '../../engine/replicate.ts';
import { deriveStream } from '../../engine/kernel/rng/stream.ts';
import { textTable } from './index.ts';
import { tuneV8ForKernel, tuneV8ForModel } from '../../engine/runner/v8-tuning.ts';
import { bareHeapEvents, mmcByHandEvents, mmcEvents } from './kernel.ts';
import { MODEL_CHILD, englandAverage, withBundleAndScenario } from './model.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A unit of work to count in a child process: either `run(size)`, which does `size` units (after its own
 * warm-up) and returns the units done, in a child that loads this file through tsx; or, with `child`,
 * the node arguments of a plain child that prints `{ "replicates": units, ... }` (see `model-child.mjs`).
 */
interface Target {
  readonly unit: string;
  /** The two sizes whose difference is measured. */
  readonly sizes: readonly [number, number];
  run?(size: number): number;
  child?(size: number, ctx: { bundle: string; scenarioFile: string }): string[];
}

/**
 * Warm-up replicates before the counted ones. TurboFan keeps re-optimising through the first replicates
 * (34 functions during the second, 14 during the third, 0 to 4 later), and the children run without
 * concurrent recompilation, so that work would be counted: with one warm-up, a change that only moved V8's
 * inlining decisions showed 1.5% more instructions per replicate while its JavaScript ran 0.7% fewer.
 * With three, the largest function (the merge loop with the handlers inlined into it) was still compiled
 * in the fourth or fifth replicate, and the count moved by up to 40 M between identical runs (483 M to
 * 501 M on 2026-11-24); with six, two runs gave 471.9 M and 472.3 M.
 */
const MODEL_WARMUPS = 6;

const TARGETS: Record<string, Target> = {
  model: {
    unit: 'replicate',
    sizes: [1, 4],
    child: (size, { bundle, scenarioFile }) => [MODEL_CHILD, bundle, scenarioFile, String(size), String(MODEL_WARMUPS)],
  },
  'model-tsx': {
    unit: 'replicate',
    sizes: [1, 4],
    run(size) {
      const s = englandAverage();
      for (let i = 0; i < MODEL_WARMUPS; i++) runReplicate(s, 'status-quo', 1000 + i); // warm-up (JIT)
      for (let r = 0; r < size; r++) runReplicate(s, 'status-quo', r);
      return size;
    },
  },
  mmc: {
    unit: 'event',
    sizes: [500_000, 3_000_000],
    run(size) {
      mmcEvents(50_000); // warm-up (JIT)
      return mmcEvents(size);
    },
  },
  'mmc-by-hand': {
    unit: 'event',
    sizes: [500_000, 3_000_000],
    run(size) {
      mmcByHandEvents(50_000);
      return mmcByHandEvents(size);
    },
  },
  bare: {
    unit: 'event',
    sizes: [1_000_000, 6_000_000],
    run(size) {
      const s = deriveStream(1, 0, 'bench');
      bareHeapEvents(10, 100_000, s);
      return bareHeapEvents(10, size, s);
    },
  },
};

/** What cachegrind reports for one run, plus the units of work the child did. */
interface Counts { units: number; ir: number; i1: number; d1: number; ll: number }

function parseSummary(stderr: string, stdout: string): Counts {
  const get = (label: string): number => {
    const m = new RegExp(`${label}:\\s+([\\d,]+)`).exec(stderr);
    if (!m) throw new Error(`bench:instructions: no "${label}" in cachegrind's output:\n${stderr.slice(-2000)}`);
    return Number(m[1].replaceAll(',', ''));
  };
  const text = stdout.trim();
  const units = text.startsWith('{') ? (JSON.parse(text) as { replicates: number }).replicates : Number(text);
  return { units, ir: get('I\\s+refs'), i1: get('I1\\s+misses'), d1: get('D1\\s+misses'), ll: get('LL\\s+misses') };
}

/** Runs one child (node with `nodeArgs`) under cachegrind and resolves with its counts. */
function countChild(target: string, size: number, nodeArgs: string[]): Promise<Counts> {
  const args = ['--tool=cachegrind', '--cache-sim=yes', '--cachegrind-out-file=/dev/null', process.execPath, '--no-concurrent-recompilation', ...nodeArgs];
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', args, { cwd: ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('error', (e) => reject(new Error(`bench:instructions: cannot start valgrind (${e.message}); install it (Debian: apt-get install valgrind)`)));
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`bench:instructions: ${target} (${size}) exited with ${code}:\n${err.slice(-2000)}`));
      else {
        try {
          resolve(parseSummary(err, out));
        } catch (e) {
          reject(e);
        }
      }
    });
  });
}

async function main(names: string[]): Promise<void> {
  const unknown = names.filter((n) => !(n in TARGETS));
  if (unknown.length > 0) {
    process.stderr.write(`bench:instructions: unknown target ${unknown.join(', ')}; valid: ${Object.keys(TARGETS).join(', ')}\n`);
    process.exit(2);
  }
  const rows: string[][] = [];
  // the bundle is built here, once, so that neither child builds it (their difference would not cancel)
  await withBundleAndScenario(async (bundle, scenarioFile) => {
    for (const name of names.length > 0 ? names : Object.keys(TARGETS)) {
      const t = TARGETS[name];
      process.stderr.write(`bench:instructions: ${name}...\n`);
      const nodeArgs = (size: number): string[] =>
        t.child ? t.child(size, { bundle, scenarioFile }) : ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', name, String(size)];
      // the two lengths run side by side (one per core)
      const [a, b] = await Promise.all(t.sizes.map((size) => countChild(name, size, nodeArgs(size))));
      const per = (k: keyof Counts, digits: number): string =>
        ((b[k] - a[k]) / (b.units - a.units)).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
      rows.push([name, t.unit, per('ir', 0), per('i1', 1), per('d1', 1), per('ll', 1)]);
    }
  });
  process.stdout.write(textTable(['target', 'per', 'instructions', 'I1 misses', 'D1 misses', 'LL misses'], rows, (i) => i >= 2) + '\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const i = process.argv.indexOf('--child');
  if (i > 0) {
    // as `cssim selfcheck` and the runner's workers run (the `model` target's bundle applies its own)
    if (process.argv[i + 1] === 'model-tsx') tuneV8ForModel();
    else tuneV8ForKernel();
    const t = TARGETS[process.argv[i + 1]];
    if (!t?.run) throw new Error(`bench:instructions: no in-process target ${process.argv[i + 1]}`);
    process.stdout.write(`${t.run(Number(process.argv[i + 2]))}\n`);
  }
  else await main(process.argv.slice(2).filter((a) => !a.startsWith('-')));
}
