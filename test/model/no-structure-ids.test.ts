import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { STRUCTURE_IDS } from '../../engine/structures/registry.ts';

const MODEL_DIR = fileURLToPath(new URL('../../engine/model/', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('model (structure independence)', () => {
  it('never names a structure id as a string under engine/model', () => {
    const offenders: string[] = [];
    for (const f of files(MODEL_DIR)) {
      const text = readFileSync(f, 'utf8');
      for (const id of STRUCTURE_IDS) {
        for (const q of ["'", '"', '`']) if (text.includes(`${q}${id}${q}`)) offenders.push(`${f}: ${id}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('never imports from engine/structures', () => {
    for (const f of files(MODEL_DIR)) expect(readFileSync(f, 'utf8'), f).not.toMatch(/from '\.\.\/structures\//);
  });
});
