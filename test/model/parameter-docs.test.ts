import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parameterReference, parameterRows } from '../../engine/model/parameter-docs.ts';

describe('model/parameter-docs', () => {
  it('matches the committed engine/PARAMETERS.md (run `npm run docs` after changing parameters)', () => {
    const committed = readFileSync(new URL('../../engine/PARAMETERS.md', import.meta.url), 'utf8');
    expect(committed).toBe(parameterReference());
  });

  it('lists every parameter path once', () => {
    const paths = parameterRows().map((r) => r.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toContain('workforce.caseloadTarget');
    expect(paths).toContain('structures.dcsMerge.attentionShare');
    const text = parameterReference();
    for (const p of paths) expect(text).toContain(`\`${p}\``);
  });
});
