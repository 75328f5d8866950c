/**
 * Runs model replicates in a plain Node process, as the runner's workers run them: the worker bundle,
 * no TypeScript loader and no scenario parser in the process (both change how fast V8 runs the model:
 * the same bundle counts about 18% more instructions per replicate in a process that has also run tsx
 * and the YAML parser). Used by `test/bench/model.ts` and `test/bench/instructions.ts`.
 *
 * usage: node model-child.mjs <bundle path> <resolved scenario .json> <replicates> [warm-up replicates, default 1]
 *   [sampled replicates, default 0]
 * Runs the warm-up replicates (999, 998, ...), then replicates 0..n-1 of the status quo, then the sampled
 * replicates (100, 101, ...) under V8's sampling heap profiler (one sample per 4 KB allocated, each
 * standing for 4 KB), and prints one JSON line: { replicates, wallMs: number[], cpuMs: number[], events,
 * allocBytes, eventAllocBytes } (per sampled replicate, null without any; eventAllocBytes: the part
 * allocated in the event loop outside the periodic handlers, i.e. per event).
 */
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { pathToFileURL } from 'node:url';

const [bundle, scenarioFile, count, warmups = '1', sampled = '0'] = process.argv.slice(2);
const n = Number(count);
const w = Number(warmups);
const k = Number(sampled);
if (!bundle || !scenarioFile || ![n, w, k].every((x) => Number.isInteger(x) && x >= 0)) {
  process.stderr.write('usage: node model-child.mjs <bundle path> <resolved scenario .json> <replicates> [warm-up replicates] [sampled replicates]\n');
  process.exit(2);
}
/** The kernel's event loop (`Simulation.run` and its merge with the agent timers). */
const EVENT_LOOP = new Set(['runWithTimers']);
/**
 * The world's handlers of periodic and once-a-run events (engine/model/world.ts `handle`): what they
 * allocate is per day, week, month, quarter, year or inspection, not per event. A handler renamed there
 * and not here counts as per event, so the figure errs towards showing allocation.
 */
const PERIODIC_HANDLERS = new Set(['onDay', 'onWeek', 'onQuarter', 'onMonthEnd', 'onYearEnd', 'onHorizonStart', 'onInspection', 'onInterventionCheck', 'onSweep', 'onScheduledChange']);
const { runReplicate } = await import(pathToFileURL(bundle).href);
const scenario = JSON.parse(readFileSync(scenarioFile, 'utf8'));
for (let i = 0; i < w; i++) runReplicate(scenario, 'status-quo', 999 - i); // warm-up (JIT)
const wallMs = [];
const cpuMs = [];
let events = 0;
for (let r = 0; r < n; r++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  events += runReplicate(scenario, 'status-quo', r).events;
  wallMs.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpuMs.push((c.user + c.system) / 1000);
}
let allocBytes = null;
let eventAllocBytes = null;
if (k > 0) {
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMinorGC: true, includeObjectsCollectedByMajorGC: true });
  for (let r = 0; r < k; r++) runReplicate(scenario, 'status-quo', 100 + r);
  const { profile } = await session.post('HeapProfiler.stopSampling');
  let total = 0;
  let inEvents = 0;
  // allocation inside the event loop but under none of the periodic or once-a-run handlers: per event
  const walk = (node, loop, periodic) => {
    const name = node.callFrame.functionName;
    const inLoop = loop || EVENT_LOOP.has(name);
    const inPeriodic = periodic || (inLoop && PERIODIC_HANDLERS.has(name));
    total += node.selfSize;
    if (inLoop && !inPeriodic) inEvents += node.selfSize;
    for (const child of node.children) walk(child, inLoop, inPeriodic);
  };
  walk(profile.head, false, false);
  allocBytes = total / k;
  eventAllocBytes = inEvents / k;
  session.disconnect();
}
process.stdout.write(`${JSON.stringify({ replicates: n, wallMs, cpuMs, events, allocBytes, eventAllocBytes })}\n`);
