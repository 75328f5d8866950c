import { describe, expect, it } from 'vitest';
import { STRUCTURES, STRUCTURE_IDS, isStructureId } from '../../engine/structures/registry.ts';
import { baseMechanisms } from '../../engine/model/mechanisms.ts';
import { ParametersSchema } from '../../engine/model/parameters.ts';

const p = ParametersSchema.parse({});

describe('structures/registry', () => {
  it('lists the seven structures with status quo first', () => {
    expect(STRUCTURE_IDS).toEqual(['status-quo', 'partnership', 'childrens-trust', 'dcs-merge', 'independent-trust', 'shared-service', 'national-agency']);
  });

  it('keys every structure by its own id', () => {
    for (const id of STRUCTURE_IDS) expect(STRUCTURES[id].id).toBe(id);
    expect(isStructureId('dcs-merge')).toBe(true);
    expect(isStructureId('toString')).toBe(false);
  });

  it('gives every structure a label, a description, mechanisms in range and a disruption profile', () => {
    const base = baseMechanisms(p);
    for (const id of STRUCTURE_IDS) {
      const s = STRUCTURES[id];
      expect(s.label.length).toBeGreaterThan(3);
      expect(s.description.length).toBeGreaterThan(30);
      const m = s.mechanisms(base, p);
      for (const k of ['infoSharing', 'singleAssessment', 'accountabilityClarity', 'leaderAttention', 'walkTheServices', 'pooledBudget', 'localKnowledge', 'thresholdAdaptation'] as const) {
        expect(m[k], `${id}.${k}`).toBeGreaterThanOrEqual(0);
        expect(m[k], `${id}.${k}`).toBeLessThanOrEqual(1);
      }
      expect(m.overheadGbpPerYear).toBeGreaterThanOrEqual(0);
      const d = s.disruption(p);
      expect(d.recoveryDays).toBeGreaterThan(0);
      expect(d.oneOffCostGbp).toBeGreaterThanOrEqual(0);
    }
  });

  it('makes every structure other than the status quo differ from it in some mechanism', () => {
    const base = baseMechanisms(p);
    for (const id of STRUCTURE_IDS.slice(1)) expect(STRUCTURES[id].mechanisms(base, p), id).not.toEqual(base);
    expect(STRUCTURES['status-quo'].mechanisms(base, p)).toEqual(base);
  });
});
