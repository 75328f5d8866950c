/**
 * `cssim run` end to end, as a user runs it (spawned `node engine/cli/cssim.mjs`). Most tests use the
 * fake replicate (CSSIM_REPLICATE_MODULE, test-only) so that they take seconds; the interrupt-and-resume
 * test runs the real model on a small scenario.
 */
import { describe, it, expect } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDirs } from '../runner/fixtures/temp-dirs.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'engine', 'cli', 'cssim.mjs');
const SCENARIO = join(ROOT, 'test', 'runner', 'fixtures', 'tiny.yaml');
const FAKE = join(ROOT, 'test', 'runner', 'fixtures', 'fake-replicate.ts');
const SMALL_MODEL = join(ROOT, 'test', 'runner', 'fixtures', 'small-model.yaml');
const TABLES = ['replicates.csv', 'timeseries.csv', 'summary.csv', 'comparison.csv', 'changes.csv'];

interface Done { code: number | null; stdout: string; stderr: string }

function cssim(args: string[], env: Record<string, string> = {}, whileRunning?: (child: ReturnType<typeof spawn>) => void): Promise<Done> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, CSSIM_REPLICATE_MODULE: FAKE, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    whileRunning?.(child);
  });
}

function tables(dir: string): Record<string, string> {
  return Object.fromEntries(TABLES.map((t) => [t, readFileSync(join(dir, t), 'utf8')]));
}

const tmp = tempDirs('cssim-cli-run-');

describe('cli/run', () => {
  it('runs a scenario, prints a one-line summary and writes the run directory', async () => {
    const out = tmp();
    const r = await cssim(['run', SCENARIO, '-n', '6', '-w', '2', '-o', out, '--no-report']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/3 arms x 6 replicates in .* on 2 workers -> /);
    for (const f of ['manifest.json', ...TABLES]) expect(existsSync(join(out, f)), f).toBe(true);
  });

  it('prints the manifest summary as JSON with --json and nothing on stderr with --quiet', async () => {
    const out = tmp();
    const r = await cssim(['run', SCENARIO, '-n', '3', '-w', '1', '-o', out, '--no-report', '--json', '--quiet', '--seed', '7']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { status: string; seed: number; replicates: number; dir: string };
    expect(j).toMatchObject({ status: 'complete', seed: 7, replicates: 3 });
    expect(r.stderr.replace(/npm warn.*\n/g, '')).toBe('');
  });

  it('saves a consistent interrupted run on SIGINT, and --resume finishes it byte-identical to a straight run (real model)', async () => {
    const model = { CSSIM_REPLICATE_MODULE: '' }; // the real model, on a small scenario
    const straight = tmp();
    const s = await cssim(['run', SMALL_MODEL, '-n', '12', '-w', '2', '--batch-size', '2', '-o', straight, '--no-report', '--quiet'], model);
    expect(s.code, s.stderr).toBe(0);

    const out = tmp();
    const interrupted = await cssim(['run', SMALL_MODEL, '-n', '12', '-w', '2', '--batch-size', '2', '-o', out, '--no-report'], model, (child) => {
      const poll = setInterval(() => {
        const dir = join(out, '.batches');
        if (existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.bin'))) {
          clearInterval(poll);
          child.kill('SIGINT');
        }
      }, 10);
    });
    expect(interrupted.code, interrupted.stderr).toBe(1);
    expect(interrupted.stderr).toMatch(/interrupted: \d+ of 12 replicates per arm are complete .*--resume/);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { status: string; replicates: number };
    expect(manifest.status).toBe('interrupted');
    expect(manifest.replicates).toBeLessThan(12);

    const resumed = await cssim(['run', SMALL_MODEL, '--resume', out, '-w', '1', '--no-report', '--quiet'], model);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(tables(out)).toEqual(tables(straight));
  });

  it('refuses to resume with another seed, with exit code 2', async () => {
    const out = tmp();
    expect((await cssim(['run', SCENARIO, '-n', '2', '-w', '1', '-o', out, '--no-report', '--quiet'])).code).toBe(0);
    const r = await cssim(['run', SCENARIO, '--resume', out, '--seed', '99', '--no-report']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--resume .*: the seed differs \(12345 there, 99 now\)/);
  });

  it('exits 2 with a clear message on bad input', async () => {
    const bad = await cssim(['run', SCENARIO, '--precision', '2', '--no-report']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--precision must be a share between 0 and 1/);
    const missing = await cssim(['run', join(ROOT, 'no-such-scenario.yaml'), '--no-report']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-such-scenario\.yaml/);
    const noRun = await cssim(['run', SCENARIO, '--resume', tmp(), '--no-report']);
    expect(noRun.code).toBe(2);
    expect(noRun.stderr).toMatch(/no manifest\.json there/);
  });

  it('fails with exit code 1 naming the arm and replicate when a replicate fails twice', async () => {
    const r = await cssim(['run', SCENARIO, '-n', '4', '-w', '1', '-o', tmp(), '--no-report'], { CSSIM_FAULT_REPLICATE: 'trust:2' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/worker error: arm trust replicate 2: injected fault/);
    expect(r.stderr).toMatch(/run failed: arm trust replicate 2: injected fault .*failed twice.*--resume/);
  });
});
