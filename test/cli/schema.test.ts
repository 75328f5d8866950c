import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '../../engine/cli/schema.ts';
import { tempFiles } from '../io/scenario/fixtures.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cssim = (...args: string[]) => spawnSync(process.execPath, [join(root, 'engine/cli/cssim.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

describe('cli/schema', () => {
  it('prints the JSON Schema on stdout', () => {
    const r = cssim('schema');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(scenarioJsonSchemaText());
    expect(JSON.parse(r.stdout).title).toBe('cssim scenario');
  });

  it('writes it to --out without leaving a temporary file', () => {
    const dir = tempFiles({});
    const out = join(dir, 'scenario.schema.json');
    const r = cssim('schema', '--out', out);
    expect(r.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(scenarioJsonSchemaText());
    expect(readdirSync(dir)).toEqual(['scenario.schema.json']);
  });
});
