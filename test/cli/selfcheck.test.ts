import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the real `cssim` bin and returns its exit code and output. */
function cssim(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['engine/cli/cssim.mjs', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli/selfcheck', () => {
  describe('cssim selfcheck', () => {
    it('prints the table of analytic checks and exits 0 when all pass', () => {
      const r = cssim('selfcheck');
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/check\s+simulated\s+95% CI\s+analytic\s+pass/);
      expect(r.stdout.match(/^(?!check ).*  pass$/gm)).toHaveLength(5); // five rows, not counting the header
      expect(r.stdout).toMatch(/Erlang C/);
      expect(r.stdout).toMatch(/Little's law/);
    });
  });

  describe('cssim selfcheck with a tiny run', () => {
    it('exits 1, marks the failing rows and says how many failed', () => {
      // 3 replicates of 500 customers with seed 8 give intervals that miss two analytic values
      // (found by trying seeds 1-8; a failure is what this test needs, not any particular value)
      const r = cssim('selfcheck', '--seed', '8', '--replicates', '3', '--customers', '500');
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/cssim: \d of 5 self-checks failed/);
      expect(r.stdout).toMatch(/FAIL$/m);
    });

    it('rejects fewer than two replicates with exit code 2', () => {
      const r = cssim('selfcheck', '--replicates', '1');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--replicates must be an integer >= 2, got 1/);
    });
  });

  describe('cssim selfcheck mmc', () => {
    it('prints one JSON object whose 95% CIs contain the Erlang C values', () => {
      const r = cssim(
        'selfcheck', 'mmc', '--arrival-rate', '9', '--service-rate', '1', '--servers', '10',
        '--customers', '30000', '--replicates', '12', '--seed', '3', '--json',
      );
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as {
        meanWait: number; meanWaitCI: [number, number]; probWait: number; probWaitCI: [number, number];
        analytic: { meanWait: number; probWait: number }; events: number; eventsPerSecond: number;
      };
      expect(out.meanWaitCI[0]).toBeLessThanOrEqual(out.analytic.meanWait);
      expect(out.meanWaitCI[1]).toBeGreaterThanOrEqual(out.analytic.meanWait);
      expect(out.probWaitCI[0]).toBeLessThanOrEqual(out.analytic.probWait);
      expect(out.probWaitCI[1]).toBeGreaterThanOrEqual(out.analytic.probWait);
      expect(out.meanWait).toBeGreaterThan(out.meanWaitCI[0]);
      expect(out.meanWait).toBeLessThan(out.meanWaitCI[1]);
      expect(out.events).toBe(12 * 2 * 30_000);
      expect(out.eventsPerSecond).toBeGreaterThan(0);
    });

    it('uses --seed, --replicates and --customers given after mmc or before it', () => {
      for (const args of [
        ['selfcheck', 'mmc', '--customers', '300', '--replicates', '3', '--seed', '5', '--json'],
        ['selfcheck', '--seed', '5', '--json', 'mmc', '--customers', '300', '--replicates', '3'],
      ]) {
        const r = cssim(...args);
        expect(r.code).toBe(0);
        expect(JSON.parse(r.stdout)).toMatchObject({ customers: 300, replicates: 3, seed: 5, warmup: 30 });
      }
    });

    it('rejects a utilisation of 1 or more with exit code 2 and says why', () => {
      const r = cssim('selfcheck', 'mmc', '--arrival-rate', '10', '--service-rate', '1', '--servers', '10', '--json');
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/utilisation .*must be < 1/);
    });

    it('rejects non-integer servers and customers, naming the flags', () => {
      const r = cssim('selfcheck', 'mmc', '--servers', '2.5', '--customers', '100.5');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--servers must be a positive integer, got 2.5/);
      expect(r.stderr).toMatch(/--customers must be an integer >= 3, got 100.5/);
      expect(r.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    });

    it('rejects non-positive rates and text where a number belongs', () => {
      const rates = cssim('selfcheck', 'mmc', '--arrival-rate', '0', '--service-rate', '-2');
      expect(rates.code).toBe(2);
      expect(rates.stderr).toMatch(/--arrival-rate must be a positive number, got 0/);
      expect(rates.stderr).toMatch(/--service-rate must be a positive number, got -2/);
      const text = cssim('selfcheck', 'mmc', '--seed', 'abc');
      expect(text.code).toBe(2);
      expect(text.stderr).toMatch(/--seed must be a number, got 'abc'/);
    });

    it('shows help with examples', () => {
      const r = cssim('selfcheck', 'mmc', '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/--arrival-rate/);
      expect(r.stdout).toMatch(/Examples:\n\s+cssim selfcheck mmc/);
    });
  });
});
