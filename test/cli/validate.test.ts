import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateFiles } from '../../engine/cli/validate.ts';
import { VALID, replaceLine, tempFiles } from '../io/scenario/fixtures.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cssim = (...args: string[]) => spawnSync(process.execPath, [join(root, 'engine/cli/cssim.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('cli/validate', () => {
  const dir = tempFiles({
    'good.yaml': VALID,
    'bad.yaml': replaceLine(replaceLine(VALID, 4, 'horizonYaers: 5'), 12, '    structure: partnrship'),
  });
  const good = join(dir, 'good.yaml');
  const bad = join(dir, 'bad.yaml');

  describe('cssim validate (spawned)', () => {
    it('prints ok and a one-line summary for a valid file and exits 0', () => {
      const r = cssim('validate', good);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^ok {2}.*good\.yaml: "Test scenario": 2 arms \[base \(baseline\), alt\], 1 authority, 2020-04-01 to 2025-04-01/);
      expect(r.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    });

    it('prints every problem with file:line:col and exits 2 without a stack trace', () => {
      const r = cssim('validate', good, bad);
      expect(r.status).toBe(2);
      expect(r.stdout).toContain('ok  ');
      expect(r.stderr).toContain(`${bad}:4:1 horizonYaers: unknown field "horizonYaers"`);
      expect(r.stderr).toContain('did you mean horizonYears?');
      expect(r.stderr).toContain(`${bad}:12:16 arms.0.structure: not one of the allowed values`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });

    it('prints one JSON document with --json and applies --set', () => {
      const r = cssim('validate', good, '--json', '--set', 'seed=-1');
      expect(r.status).toBe(2);
      const out = JSON.parse(r.stdout);
      expect(out.ok).toBe(false);
      expect(out.files[0].issues[0]).toMatchObject({ file: '--set', line: 1, column: 6, path: 'seed' });
    });

    it('exits 2 with a message for a malformed --set', () => {
      const r = cssim('validate', good, '--set', 'seed');
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('not of the form path=value');
    });
  });

  describe('validateFiles()', () => {
    it('reports each file, continuing past invalid and missing ones', async () => {
      const reports = await validateFiles([bad, join(dir, 'missing.yaml'), good], []);
      expect(reports.map((r) => r.ok)).toEqual([false, false, true]);
      expect(reports[1].issues![0].message).toBe('file not found');
      expect(reports[2].hash).toMatch(/^[0-9a-f]{64}$/);
    });
  });
});
