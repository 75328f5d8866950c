import { describe, it, expect } from 'vitest';
import { runSelfChecks } from '../../engine/selfcheck/checks.ts';

describe('selfcheck/checks', () => {
  describe('runSelfChecks()', () => {
    it('passes every check with the default settings', () => {
      const { rows, events } = runSelfChecks();
      expect(rows.map((r) => r.check)).toEqual([
        expect.stringMatching(/^M\/M\/1 mean wait/),
        expect.stringMatching(/^M\/M\/1 P\(wait\)/),
        expect.stringMatching(/^M\/M\/10 mean wait vs Erlang C/),
        expect.stringMatching(/^M\/M\/10 P\(wait\) vs Erlang C/),
        expect.stringMatching(/^Little's law/),
      ]);
      for (const r of rows) {
        expect(r.pass).toBe(r.ci[0] <= r.analytic && r.analytic <= r.ci[1]);
        expect(r.pass).toBe(true);
      }
      expect(events).toBeGreaterThan(1_000_000);
    });

    it('marks a check passed exactly when the analytic value lies in its interval, also for tiny runs', () => {
      const { rows } = runSelfChecks({ customers: 50, warmup: 0, replicates: 2, seed: 1 });
      expect(rows).toHaveLength(5);
      for (const r of rows) expect(r.pass).toBe(r.ci[0] <= r.analytic && r.analytic <= r.ci[1]);
    });
  });
});
