import { describe, expect, it } from 'vitest';
import { ChildStore, isHelp, isOpenCase, SERVICE } from '../../engine/model/children.ts';

describe('model/children', () => {
  it('reuses freed slots before taking new ones', () => {
    const s = new ChildStore(16);
    const a = s.alloc(0, 1, 0);
    const b = s.alloc(0, 2, 0);
    s.free(a);
    expect(s.alloc(0, 3, 0)).toBe(a);
    expect(s.count).toBe(2);
    expect(b).toBe(1);
  });

  it('grows by doubling and keeps every field of existing agents', () => {
    const s = new ChildStore(16);
    for (let i = 0; i < 40; i++) { const c = s.alloc(i % 3, 1000 + i, -i); s.level[c] = i % 4; }
    expect(s.capacity).toBe(64);
    for (let i = 0; i < 40; i++) {
      expect(s.seed[i]).toBe(1000 + i);
      expect(s.authority[i]).toBe(i % 3);
      expect(s.level[i]).toBe(i % 4);
      expect(s.birthDay[i]).toBe(-i);
    }
  });

  it('resets a reused slot to no need, no service, no events and no history', () => {
    const s = new ChildStore(16);
    const c = s.alloc(0, 1, 0);
    s.level[c] = 3; s.service[c] = SERVICE.protectionPlan; s.priorPlan[c] = 1; s.needAt[c] = 42; s.referralAt[c] = 7; s.lastReferralDay[c] = 5;
    s.free(c);
    const d = s.alloc(1, 2, 0);
    expect([s.level[d], s.service[d], s.priorPlan[d], s.needAt[d], s.referralAt[d], s.lastReferralDay[d]]).toEqual([0, 0, 0, Infinity, Infinity, -Infinity]);
  });

  it('refuses to free a slot twice', () => {
    const s = new ChildStore(16);
    const c = s.alloc(0, 1, 0);
    s.free(c);
    expect(() => s.free(c)).toThrow(/not active/);
  });

  it('classifies services as open cases and as help', () => {
    expect([0, 1, 2, 3, 4, 5].map(isOpenCase)).toEqual([false, false, true, true, true, true]);
    expect([0, 1, 2, 3, 4, 5].map(isHelp)).toEqual([false, true, false, true, true, true]);
  });
});
