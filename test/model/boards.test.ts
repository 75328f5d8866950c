import { describe, expect, it } from 'vitest';
import { deriveStream } from '../../engine/kernel/index.ts';
import { ACTION, boardQuarter, spotChance } from '../../engine/model/boards.ts';
import { ParametersSchema } from '../../engine/model/parameters.ts';

const p = ParametersSchema.parse({});

describe('model/boards', () => {
  it('spots more with attention, clarity and champions walking the services', () => {
    expect(spotChance(0.9, 0.5, 0, p)).toBeGreaterThan(spotChance(0.3, 0.5, 0, p));
    expect(spotChance(0.6, 0.8, 0, p)).toBeGreaterThan(spotChance(0.6, 0.5, 0, p));
    expect(spotChance(0.6, 0.5, 1, p)).toBeGreaterThan(spotChance(0.6, 0.5, 0, p));
  });

  it('acts on weak KPIs when it spots them and never on good ones', () => {
    const weak = { workload: 1.5, timeliness: 0.5, rereferral: 0.4, vacancy: 0.35 };
    const good = { workload: 0.9, timeliness: 0.95, rereferral: 0.15, vacancy: 0.05 };
    const s = deriveStream(1, 0, 'boards');
    const all = boardQuarter(weak, 1, p, s);
    expect(all & ACTION.addPosts).toBeTruthy();
    expect(all & ACTION.improvement).toBeTruthy();
    expect(all & ACTION.recruitmentDrive).toBeTruthy();
    expect(boardQuarter(good, 1, p, s)).toBe(0);
    expect(boardQuarter(weak, 0, p, s)).toBe(0);
  });

  it('draws exactly eight numbers whatever it decides', () => {
    const a = deriveStream(1, 0, 'boards');
    const b = deriveStream(1, 0, 'boards');
    boardQuarter({ workload: 2, timeliness: 0, rereferral: 1, vacancy: 1 }, 1, p, a);
    for (let i = 0; i < 8; i++) b.next();
    expect(a.next()).toBe(b.next());
  });
});
