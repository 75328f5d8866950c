/**
 * `--set path=value`: command-line overrides applied to the merged scenario before validation.
 *
 * Path: field names joined by dots, from the top of the scenario
 * (`parameters.workforce.caseloadTarget`). A list item is addressed by its `id` when its items have
 * one (`arms.partnership.structure`) or by its 0-based index (`arms.1.structure`). Every field must
 * exist in the schema (a misspelt one gets a suggestion); fields left out of the file may be set.
 * Value: parsed as YAML with the same safe rules as files, so `18` is a number, `true` a boolean,
 * `2027-04-01` a string, `[referral_rate, spend_gbp]` a list, and `'18'` the text 18.
 */
import type { ScenarioIssue } from './errors.ts';
import { idOf } from './merge.ts';
import { childSchema, objectKeys, shapeOf, type AnySchema } from './schema-walk.ts';
import { nearest } from './suggest.ts';
import { parseYamlText, type LNode, type Loc, type MapEntry } from './tree.ts';

/** One override: where it came from (for messages), the path and the value text. */
export interface Override {
  /** Pseudo-file named in messages, e.g. `--set`. */
  readonly source: string;
  /** 1-based position among overrides of this source. */
  readonly index: number;
  /** The whole argument, for messages. */
  readonly text: string;
  readonly path: string;
  readonly value: string;
}

/** Fields an override may not change (they are resolved before overrides apply). */
const NOT_SETTABLE: ReadonlySet<string> = new Set(['extends']);

/**
 * Splits `path=value` arguments into overrides; a malformed one becomes an issue.
 *
 * @param source pseudo-file named in messages (`--set`).
 */
export function parseOverrides(args: readonly string[], source = '--set'): { overrides: Override[]; issues: ScenarioIssue[] } {
  const overrides: Override[] = [];
  const issues: ScenarioIssue[] = [];
  args.forEach((text, i) => {
    const eq = text.indexOf('=');
    const path = eq < 0 ? text.trim() : text.slice(0, eq).trim();
    if (eq <= 0 || path === '' || path.split('.').some((s) => s.trim() === '')) {
      issues.push({ file: source, line: i + 1, column: 1, path: '', message: `"${text}" is not of the form path=value`, expected: 'e.g. parameters.workforce.caseloadTarget=18' });
      return;
    }
    overrides.push({ source, index: i + 1, text, path, value: text.slice(eq + 1) });
  });
  return { overrides, issues };
}

/**
 * Applies overrides to a merged scenario tree in order (a later one wins), checking each path against
 * the schema. Returns the new tree (the input is not modified) and every problem found.
 */
export function applyOverrides(root: LNode, overrides: readonly Override[], schema: AnySchema): { root: LNode; issues: ScenarioIssue[] } {
  const issues: ScenarioIssue[] = [];
  let tree = root;
  for (const o of overrides) {
    const valueLoc: Loc = { file: o.source, line: o.index, column: o.path.length + 2 };
    const pathLoc: Loc = { file: o.source, line: o.index, column: 1 };
    const parsed = o.value.trim() === '' ? { root: undefined, issues: [] } : parseYamlText(o.value, o.source);
    if (parsed.issues.length > 0) {
      for (const p of parsed.issues) issues.push({ ...p, line: o.index, column: o.path.length + 1 + p.column, path: o.path, message: `in "${o.text}": ${p.message}` });
      continue;
    }
    const value = relocateTree(parsed.root ?? { kind: 'scalar', loc: valueLoc, value: null }, valueLoc);
    const result = setAt(tree, o.path.split('.').map((s) => s.trim()), value, schema, pathLoc, o);
    if (result.ok) tree = result.node;
    else issues.push(result.issue);
  }
  return { root: tree, issues };
}

/** Every location in an override's value points at the override. */
function relocateTree(node: LNode, loc: Loc): LNode {
  switch (node.kind) {
    case 'scalar':
      return { kind: 'scalar', loc, value: node.value };
    case 'seq':
      return { kind: 'seq', loc, items: node.items.map((i) => relocateTree(i, loc)) };
    case 'map': {
      const entries = new Map<string, MapEntry>();
      for (const [k, e] of node.entries) entries.set(k, { keyLoc: loc, value: relocateTree(e.value, loc) });
      return { kind: 'map', loc, entries };
    }
  }
}

/** The outcome of setting one path: the new tree or the reason it cannot be set. */
type SetResult = { readonly ok: true; readonly node: LNode } | { readonly ok: false; readonly issue: ScenarioIssue };

/** Sets `value` at `segments` under `node`, returning a new node (`node` is not modified). */
function setAt(node: LNode, segments: readonly string[], value: LNode, schema: AnySchema, loc: Loc, o: Override, done: string[] = []): SetResult {
  const [seg, ...rest] = segments;
  const here = done.join('.');
  const fail = (issue: Omit<ScenarioIssue, 'file' | 'line' | 'column' | 'path'>): SetResult =>
    ({ ok: false, issue: { ...loc, path: o.path, ...issue } });
  const shape = shapeOf(schema);

  if (shape === 'object' || shape === 'record') {
    if (shape === 'object') {
      const keys = objectKeys(schema);
      if (!keys.includes(seg) || (done.length === 0 && NOT_SETTABLE.has(seg))) {
        if (done.length === 0 && NOT_SETTABLE.has(seg)) return fail({ message: `"${seg}" cannot be set from the command line` });
        return fail({
          message: `unknown field "${seg}"${here === '' ? ' at the top level' : ` in ${here}`}`,
          expected: `one of: ${keys.filter((k) => !NOT_SETTABLE.has(k)).join(', ')}`,
          suggestion: maybeSuggest(nearest(seg, keys), done),
        });
      }
    }
    const child = childSchema(schema, seg)!;
    const map: Extract<LNode, { kind: 'map' }> = node.kind === 'map' ? node : { kind: 'map', loc, entries: new Map() };
    const prior = map.entries.get(seg);
    let next: SetResult;
    if (rest.length === 0) next = { ok: true, node: value };
    else {
      const start: LNode = prior?.value ?? (shapeOf(child) === 'array' ? { kind: 'seq', loc, items: [] } : { kind: 'map', loc, entries: new Map() });
      next = setAt(start, rest, value, child, loc, o, [...done, seg]);
    }
    if (!next.ok) return next;
    const entries = new Map(map.entries);
    entries.set(seg, { keyLoc: prior?.keyLoc ?? loc, value: next.node });
    return { ok: true, node: { kind: 'map', loc: map.loc, entries } };
  }

  if (shape === 'array') {
    const items = node.kind === 'seq' ? node.items : [];
    const ids = items.map(idOf);
    let index = ids.indexOf(seg);
    if (index < 0 && /^\d+$/.test(seg)) index = Number(seg);
    if (index < 0 || index >= items.length) {
      const known = ids.every((id) => id !== undefined) && ids.length > 0
        ? `an id (${ids.join(', ')}) or an index 0-${items.length - 1}`
        : items.length > 0 ? `an index 0-${items.length - 1}` : 'nothing: the list is empty';
      return fail({
        message: `no item "${seg}" in ${here}`,
        found: seg,
        expected: known,
        suggestion: maybeSuggest(nearest(seg, ids.filter((x): x is string => x !== undefined)), done),
      });
    }
    if (rest.length === 0) {
      const copy = [...items];
      copy[index] = value;
      return { ok: true, node: { kind: 'seq', loc: node.loc, items: copy } };
    }
    const next = setAt(items[index], rest, value, childSchema(schema, index)!, loc, o, [...done, seg]);
    if (!next.ok) return next;
    const copy = [...items];
    copy[index] = next.node;
    return { ok: true, node: { kind: 'seq', loc: node.loc, items: copy } };
  }

  return fail({ message: `${here} is a single value, it has no field "${seg}"`, expected: `the path ${here}` });
}

function maybeSuggest(word: string | undefined, done: readonly string[]): string | undefined {
  return word === undefined ? undefined : [...done, word].join('.');
}
