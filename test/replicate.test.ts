import { describe, expect, it } from 'vitest';
import { runReplicate } from '../engine/replicate.ts';
import { OUTCOME_IDS, SERIES_IDS } from '../engine/model/outcomes.ts';
import { STRUCTURE_IDS } from '../engine/structures/registry.ts';
import { small } from './model/fixtures.ts';

const arms = STRUCTURE_IDS.map((id) => ({ id, name: id, structure: id }));
const scenario = small({ arms, horizonYears: 2, warmupYears: 1 });

describe('replicate', () => {
  it('runs every structure and fills every outcome with a finite number', () => {
    for (const id of STRUCTURE_IDS) {
      const r = runReplicate(scenario, id, 0);
      expect(r.arm).toBe(id);
      expect(r.replicate).toBe(0);
      for (const o of OUTCOME_IDS) expect(Number.isFinite(r.outcomes[o]), `${id} ${o}`).toBe(true);
      for (const s of SERIES_IDS) expect(r.monthly[s].length).toBe(24);
      expect(r.events).toBeGreaterThan(1000);
    }
  });

  it('gives different results for two structures on the same replicate', () => {
    const a = runReplicate(scenario, 'status-quo', 1);
    const b = runReplicate(scenario, 'national-agency', 1);
    expect(b.outcomes).not.toEqual(a.outcomes);
  });

  it('is bit-identical for the same scenario, arm and replicate', () => {
    const a = runReplicate(scenario, 'partnership', 2);
    const b = runReplicate(scenario, 'partnership', 2);
    expect(b).toEqual(a);
    expect(structuredClone(b)).toEqual(b);
  });

  it('rejects an unknown arm with a message naming the arms', () => {
    expect(() => runReplicate(scenario, 'nope', 0)).toThrow(/no arm "nope".*status-quo/);
  });
});
