import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The first ```ts block after the given heading. */
function codeAfter(heading: string): string {
  const at = README.indexOf(heading);
  if (at < 0) throw new Error(`README has no heading "${heading}"`);
  const m = README.slice(at).match(/```ts\n([\s\S]*?)```/);
  if (!m) throw new Error(`README has no ts block after "${heading}"`);
  return m[1];
}

describe('README', () => {
  it('shows the two quick-start commands: install and demo, then npm test', () => {
    const quick = README.slice(README.indexOf('## Quick start'));
    const block = quick.match(/```sh\n([\s\S]*?)```/)?.[1] ?? '';
    const commands = block.split('\n').map((l) => l.replace(/#.*$/, '').trim()).filter(Boolean);
    expect(commands).toEqual(['npm install && npm run demo', 'npm test']);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.demo).toContain('cssim.mjs run scenarios/');
  });

  it('runs the library example as written and it writes a report', () => {
    const code = codeAfter('## Use it as a library');
    const out = join(ROOT, 'out', 'readme-example');
    rmSync(out, { recursive: true, force: true });
    // inside the package (not under node_modules) so `import … from 'cssim'` resolves to this package
    const file = join(ROOT, 'out', '.readme-example.mts');
    mkdirSync(join(ROOT, 'out'), { recursive: true });
    writeFileSync(file, code);
    const r = spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    expect(r.stderr).not.toMatch(/Error/);
    expect(r.status).toBe(0);
    // console.table of the comparison: one row per non-baseline arm of dcs-merge.yaml
    expect(r.stdout).toMatch(/dcs-merge\b/);
    expect(r.stdout).toMatch(/mean_?[dD]iff/);
    for (const f of ['manifest.json', 'replicates.csv', 'summary.csv', 'comparison.csv', 'report.html']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
  });
});
