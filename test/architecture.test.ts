import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// Layers, lowest first. A file may import only from its own layer or lower ones (STYLE.md §1):
// kernel ← model ← structures ← replicate ← runner, io, report, cli. `import type` is exempt when it
// points at io/scenario/schema.ts (the zod contract) because types are erased at run time.
const ROOT = resolve(import.meta.dirname, '..', 'engine');
const LAYERS: Record<string, number> = {
  kernel: 0, model: 1, structures: 2, 'replicate.ts': 3, selfcheck: 3,
  io: 4, runner: 5, report: 5, cli: 6, 'index.ts': 7,
};
const PORTABLE = ['kernel', 'model', 'structures', 'replicate.ts'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

function top(file: string): string {
  return relative(ROOT, file).split(sep)[0];
}

interface Import { spec: string; typeOnly: boolean }

function imports(text: string): Import[] {
  const out: Import[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ spec: m[3], typeOnly: Boolean(m[2]) });
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1], typeOnly: false });
  return out;
}

const files = tsFiles(ROOT);

describe('engine architecture', () => {
  it('imports point one way: kernel ← model ← structures ← replicate ← runner, io, report, cli', () => {
    const bad: string[] = [];
    for (const f of files) {
      const from = LAYERS[top(f)];
      if (from === undefined) continue;
      for (const { spec, typeOnly } of imports(readFileSync(f, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(f), spec);
        if (!target.startsWith(ROOT)) continue;
        const to = LAYERS[top(target)];
        if (to === undefined || to <= from) continue;
        if (typeOnly && relative(ROOT, target) === join('io', 'scenario', 'schema.ts')) continue;
        bad.push(`${relative(ROOT, f)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the kernel imports nothing outside kernel/ but npm packages', () => {
    const bad = files
      .filter((f) => top(f) === 'kernel')
      .flatMap((f) => imports(readFileSync(f, 'utf8'))
        .filter(({ spec }) => spec.startsWith('.') && !resolve(dirname(f), spec).startsWith(join(ROOT, 'kernel')))
        .map(({ spec }) => `${relative(ROOT, f)} imports ${spec}`));
    expect(bad).toEqual([]);
  });

  it('the portable core uses no Node-only API, so it can run in a browser Web Worker', () => {
    const bad = files
      .filter((f) => PORTABLE.includes(top(f)))
      .flatMap((f) => imports(readFileSync(f, 'utf8'))
        .filter(({ spec, typeOnly }) => !typeOnly && (spec.startsWith('node:') || ['fs', 'path', 'worker_threads', 'os', 'child_process'].includes(spec)))
        .map(({ spec }) => `${relative(ROOT, f)} imports ${spec}`))
      .concat(files
        .filter((f) => PORTABLE.includes(top(f)) && /\bprocess\.(env|argv|exit|cwd)\b/.test(readFileSync(f, 'utf8')))
        .map((f) => `${relative(ROOT, f)} uses process`));
    expect(bad).toEqual([]);
  });

  it('the portable core has no ambient randomness or wall clock', () => {
    const bad = files
      .filter((f) => PORTABLE.includes(top(f)))
      .filter((f) => /Math\.random\s*\(|Date\.now\s*\(|new Date\(\s*\)|performance\.now\s*\(/.test(
        readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
      .map((f) => relative(ROOT, f));
    expect(bad).toEqual([]);
  });
});
