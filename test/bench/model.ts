/**
 * Benchmark of the full world model: one replicate of scenarios/england-average.yaml (status quo,
 * 2 years of warm-up + 10 of horizon, 78,645 children) on one core. Reports wall-clock and CPU ms per
 * replicate (median over the runs after one warm-up run) and kernel events per second.
 * Picked up by test/bench/index.ts (`npm run bench`).
 */
import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { ScenarioSchema } from '../../engine/io/scenario/schema.ts';
import type { ResolvedScenario } from '../../engine/io/scenario/schema.ts';
import { runReplicate } from '../../engine/replicate.ts';

/** One measured figure. */
interface Row { name: string; value: number; unit: string; note?: string }

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** scenarios/england-average.yaml, parsed with its defaults (the scenario every model benchmark runs). */
export function englandAverage(): ResolvedScenario {
  const text = readFileSync(new URL('../../scenarios/england-average.yaml', import.meta.url), 'utf8');
  return { ...ScenarioSchema.parse(YAML.parse(text)), hash: 'bench' } as ResolvedScenario;
}

/** Runs the model benchmark; `quick` runs 3 timed replicates instead of 10. */
export async function bench(options: { quick?: boolean } = {}): Promise<Row[]> {
  const scenario = englandAverage();
  const runs = options.quick ? 3 : 10;
  runReplicate(scenario, 'status-quo', 1000); // warm-up (JIT)
  const wall: number[] = [];
  const cpu: number[] = [];
  let events = 0;
  let seconds = 0;
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const res = runReplicate(scenario, 'status-quo', r);
    const dt = performance.now() - t0;
    const c = process.cpuUsage(c0);
    wall.push(dt);
    cpu.push((c.user + c.system) / 1000);
    events += res.events;
    seconds += dt / 1000;
  }
  const note = `england-average status quo, ${scenario.warmupYears}+${scenario.horizonYears} years, median of ${runs}`;
  return [
    { name: 'model: one replicate (wall)', value: median(wall), unit: 'ms', note },
    { name: 'model: one replicate (CPU)', value: median(cpu), unit: 'ms', note },
    { name: 'model: kernel events per replicate', value: events / runs, unit: 'events' },
    { name: 'model: events/s through the full model', value: events / seconds, unit: 'events/s' },
  ];
}
