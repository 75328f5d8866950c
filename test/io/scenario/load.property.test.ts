import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { loadScenarioText } from '../../../engine/io/scenario/load.ts';
import { ScenarioError } from '../../../engine/io/scenario/errors.ts';
import { VALID } from './fixtures.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Loads and classifies the outcome; any exception other than ScenarioError fails the property. */
async function outcome(text: string, set: string[] = []): Promise<'ok' | 'invalid'> {
  try {
    await loadScenarioText(text, 'fuzz.yaml', { set });
    return 'ok';
  } catch (err) {
    if (!(err instanceof ScenarioError)) throw err;
    expect(err.issues.length).toBeGreaterThan(0);
    for (const i of err.issues) {
      expect(Number.isInteger(i.line) && i.line >= 1).toBe(true);
      expect(Number.isInteger(i.column) && i.column >= 1).toBe(true);
      expect(i.message.length).toBeGreaterThan(0);
    }
    return 'invalid';
  }
}

/** Every path (as key/index arrays) to a node of a JSON value, the root included. */
function paths(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...paths(x, [...prefix, i])));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push(...paths(x, [...prefix, k]));
  return out;
}

type Mutation = { kind: 'delete' | 'replace' | 'add'; at: number; key: string; value: Json };

function mutate(doc: Json, m: Mutation): Json {
  const copy = structuredClone(doc);
  const all = paths(copy);
  const path = all[m.at % all.length];
  if (path.length === 0) return m.kind === 'replace' ? m.value : copy;
  const parent = path.slice(0, -1).reduce<Json>((n, seg) => (n as Record<string, Json>)[seg as string], copy);
  const last = path[path.length - 1];
  if (Array.isArray(parent)) {
    if (m.kind === 'delete') parent.splice(last as number, 1);
    else if (m.kind === 'replace') parent[last as number] = m.value;
    else parent.push(m.value);
  } else if (parent !== null && typeof parent === 'object') {
    if (m.kind === 'delete') delete parent[last as string];
    else if (m.kind === 'replace') parent[last as string] = m.value;
    else Object.defineProperty(parent, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
  }
  return copy;
}

const keyArb = fc.oneof(
  fc.constantFrom('id', 'name', 'seed', 'arms', 'date', 'structure', 'changes', 'parameters', 'workforce', 'caseloadTarget', '__proto__', 'constructor', 'extends', 'baseline'),
  fc.string({ maxLength: 8 }),
);
const valueArb: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>('2020-04-01', '2031-01-01', '2021-02-30', 'partnership', 'base', -1, 0, 1e308, 4294967296, 2.5, '', [], {}),
);
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'replace', 'add'),
  at: fc.nat(),
  key: keyArb,
  value: valueArb,
});

describe('io/scenario/load (properties)', () => {
  it('never crashes on random mutations of a valid scenario: a scenario or a located ScenarioError', async () => {
    const doc = parse(VALID) as Json;
    const seen = { ok: 0, invalid: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(mutationArb, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const mutated = mutations.reduce(mutate, doc);
        seen[await outcome(stringify(mutated))]++;
      }),
      { numRuns: 300, seed: 20240601 },
    );
    // the mutations must exercise both paths, or the property proves little
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.invalid).toBeGreaterThan(0);
  });

  it('never crashes on random YAML-like text', async () => {
    const chars = fc.constantFrom(...'abc:-[]{}&*!#\'"|>%@`,? \n\t1.0e~_<<'.split(''), 'name', 'seed', 'arms', '!!binary', '&a', '*a', '__proto__');
    await fc.assert(
      fc.asyncProperty(fc.array(chars, { maxLength: 80 }).map((a) => a.join('')), async (text) => {
        await outcome(text);
      }),
      { numRuns: 400, seed: 20240602 },
    );
  });

  it('never crashes when characters of a valid file are inserted, deleted or swapped', async () => {
    const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 5 }), insert: fc.string({ maxLength: 5 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        let text = VALID;
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.del);
        }
        await outcome(text);
      }),
      { numRuns: 300, seed: 20240603 },
    );
  });

  it('never crashes on random --set arguments', async () => {
    const seg = fc.oneof(fc.constantFrom('arms', 'alt', '0', '5', 'parameters', 'workforce', 'caseloadTarget', 'seed', 'changes', '__proto__', 'name', ''), fc.string({ maxLength: 4 }));
    const arg = fc.tuple(fc.array(seg, { minLength: 1, maxLength: 4 }), fc.string({ maxLength: 12 }), fc.boolean())
      .map(([segs, value, eq]) => `${segs.join('.')}${eq ? '=' : ''}${value}`);
    const seen = { ok: 0, invalid: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(arg, { maxLength: 3 }), async (set) => {
        seen[await outcome(VALID, set)]++;
      }),
      { numRuns: 300, seed: 20240604 },
    );
    expect(seen.ok).toBeGreaterThan(0);
    expect(seen.invalid).toBeGreaterThan(0);
  });
});
