import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../engine/io/scenario/load.ts';
import { runReplicate } from '../engine/replicate.ts';

const dir = fileURLToPath(new URL('../scenarios', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

describe('scenarios/', () => {
  it('holds the scenario library', () => {
    expect(files).toEqual(expect.arrayContaining([
      'england-average.yaml', 'partnership-vs-trust.yaml', 'dcs-merge.yaml', 'inadequate-to-trust.yaml',
      'tri-borough.yaml', 'national-agency.yaml', 'council-pilot-template.yaml',
    ]));
  });

  for (const file of files) {
    describe(file, () => {
      it('starts with the yaml-language-server schema comment', () => {
        expect(readFileSync(join(dir, file), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./scenario.schema.json');
      });

      it('validates', async () => {
        const s = await loadScenario(join(dir, file));
        expect(s.arms.some((a) => a.id === s.baseline)).toBe(true);
      });

      it('compares at least two arms with different structures or rules, unless it is the base', async () => {
        const s = await loadScenario(join(dir, file));
        if (file === 'england-average.yaml') return;
        const variants = new Set(s.arms.map((a) => JSON.stringify([a.structure, a.changes, a.intervention])));
        expect(variants.size).toBeGreaterThanOrEqual(2);
      });

      it('runs one replicate of every arm (small populations, no warm-up), making its scheduled changes', async () => {
        const full = await loadScenario(join(dir, file));
        const set = ['warmupYears=0', ...full.authorities.map((_, i) => `authorities.${i}.childPopulation=2000`)];
        const s = await loadScenario(join(dir, file), { set });
        for (const arm of s.arms) {
          const r = runReplicate(s, arm.id, 0);
          expect(r.arm).toBe(arm.id);
          const scheduled = r.changes.filter((c) => c.cause === 'scheduled').map((c) => c.date);
          // every authority of the arm makes every dated change
          expect(scheduled).toEqual(arm.changes.flatMap((c) => s.authorities.map(() => c.date)));
        }
      });
    });
  }
});
