import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRunDir } from '../report/fixtures/make-run.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the cssim bin asynchronously (the report takes a few seconds; spawnSync would block the worker). */
function cssim(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'engine/cli/cssim.mjs'), ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('cli/report', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'cssim-cli-report-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  describe('cssim report (spawned)', () => {
    it('writes the report to --out, prints its path and exits 0', async () => {
      const dir = makeRunDir(join(work, 'ok'), { arms: 2, replicates: 4, months: 3 });
      const out = join(work, 'elsewhere', 'r.html');
      const r = await cssim('report', dir, '--out', out, '--no-png');
      expect(r.stderr).not.toMatch(/unexpected error/);
      expect(r.status).toBe(0);
      expect(r.stdout.trim()).toBe(out);
      expect(existsSync(out)).toBe(true);
      expect(readdirSync(join(work, 'elsewhere', 'charts')).every((n) => n.endsWith('.svg'))).toBe(true);
    });

    it('exits 2 with a message naming the missing file, without a stack trace', async () => {
      const dir = makeRunDir(join(work, 'broken'), { arms: 2, replicates: 3, months: 2 });
      unlinkSync(join(dir, 'comparison.csv'));
      const r = await cssim('report', dir);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`cssim: bad run directory: ${join(dir, 'comparison.csv')}: file is missing`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(join(dir, 'report.html'))).toBe(false);
    });

    it('exits 2 when the run directory does not exist', async () => {
      const r = await cssim('report', join(work, 'nope'));
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('not a directory');
    });
  });
});
