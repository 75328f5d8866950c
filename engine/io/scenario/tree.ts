/**
 * Safe YAML parsing into a located tree: every value remembers the file, line and column it came
 * from, so problems found after merging and validation can be reported where the user wrote them.
 *
 * Safety: YAML 1.2 core schema (dates stay strings, no merge keys), duplicate keys and any explicit tag
 * rejected, aliases
 * expanded up to a node budget (billion-laughs), size, indentation and nesting limits checked before
 * the parser sees the text, and `__proto__`/`constructor`/`prototype` keys rejected.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { ScenarioIssue } from './errors.ts';

/** Where a value was written. Line and column are 1-based (0 for the file as a whole). */
export interface Loc {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** A scalar value a scenario may contain. */
export type ScalarValue = string | number | boolean | null;

/** One entry of a mapping: the key's location and the value. */
export interface MapEntry {
  readonly keyLoc: Loc;
  readonly value: LNode;
}

/** A value with its location. Maps keep key order. */
export type LNode =
  | { readonly kind: 'map'; readonly loc: Loc; readonly entries: Map<string, MapEntry> }
  | { readonly kind: 'seq'; readonly loc: Loc; readonly items: LNode[] }
  | { readonly kind: 'scalar'; readonly loc: Loc; readonly value: ScalarValue };

/**
 * Largest scenario file accepted, in bytes (256 KiB; real scenarios are a few KiB). Bounds the
 * parser's time on hostile input to about a second.
 */
export const MAX_FILE_BYTES = 256 * 1024;
/** Deepest nesting of mappings and lists accepted. */
export const MAX_DEPTH = 32;
/** Most nodes a file may expand to, aliases included (billion-laughs guard). */
export const MAX_NODES = 100_000;
/** Most aliases (`*name`) a file may use. */
export const MAX_ALIASES = 100;
/** Keys that could reach an object's prototype when merged; never valid in a scenario. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The result of parsing one YAML text: a tree (undefined if unusable) and every problem found. */
export interface ParsedText {
  readonly root: LNode | undefined;
  readonly issues: ScenarioIssue[];
}

/**
 * Parses YAML text into a located tree, reporting every problem rather than throwing.
 *
 * @param file name used in locations and messages.
 */
export function parseYamlText(text: string, file: string): ParsedText {
  const issues: ScenarioIssue[] = [];
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_FILE_BYTES) {
    issues.push({ file, line: 0, column: 0, path: '', message: `file is too large (${bytes} bytes)`, expected: `at most ${MAX_FILE_BYTES} bytes (256 KiB)` });
    return { root: undefined, issues };
  }
  const pre = prescan(text, file);
  if (pre) return { root: undefined, issues: [pre] };

  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
        // duplicate keys are found below in linear time (the parser's own check is quadratic)
    doc = parseDocument(text, { schema: 'core', customTags: [], merge: false, uniqueKeys: false, prettyErrors: false, strict: true, lineCounter });
  } catch (err) {
    // the parser guards its own resources; this is a last resort so no input can crash the loader
    issues.push({ file, line: 1, column: 1, path: '', message: `cannot parse YAML: ${(err as Error).message}` });
    return { root: undefined, issues };
  }
  const at = (offset: number | undefined): Loc => {
    const { line, col } = lineCounter.linePos(offset ?? 0);
    return { file, line: Math.max(1, line), column: Math.max(1, col) };
  };
  if (doc.errors.length > 0) {
    for (const e of doc.errors.slice(0, 20)) {
      const loc = at(e.pos[0]);
      issues.push({ ...loc, path: '', message: `YAML syntax error: ${yamlMessage(e.code, e.message)}` });
    }
    return { root: undefined, issues };
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    issues.push({ file, line: 1, column: 1, path: '', message: 'the file is empty', expected: 'a mapping such as "name: …", "seed: …", "arms: …"' });
    return { root: undefined, issues };
  }

  const budget = { nodes: 0, aliases: 0, exhausted: false };
  const convert = (node: unknown, path: readonly (string | number)[], depth: number, fallback: number | undefined): LNode | undefined => {
    const pathText = path.join('.');
    const range = (node as { range?: [number, number, number] } | null)?.range;
    const loc = at(range?.[0] ?? fallback);
    if (budget.exhausted) return undefined;
    if (++budget.nodes > MAX_NODES) {
      budget.exhausted = true;
      issues.push({ ...loc, path: pathText, message: `the file expands to more than ${MAX_NODES} values (too many aliases?)`, expected: 'a plain scenario without alias expansion bombs' });
      return undefined;
    }
    if (depth > MAX_DEPTH) {
      budget.exhausted = true;
      issues.push({ ...loc, path: pathText, message: `values are nested too deeply`, expected: `at most ${MAX_DEPTH} levels of mappings and lists` });
      return undefined;
    }
    if (isAlias(node)) {
      if (++budget.aliases > MAX_ALIASES) {
        budget.exhausted = true;
        issues.push({ ...loc, path: pathText, message: `too many aliases (*${node.source})`, expected: `at most ${MAX_ALIASES} aliases in a file` });
        return undefined;
      }
      const target = node.resolve(doc);
      if (target === undefined) {
        issues.push({ ...loc, path: pathText, message: `alias *${node.source} does not name an anchor` });
        return undefined;
      }
      // an aliased value is reported where the alias is used
      const copy = convert(target, path, depth + 1, range?.[0]);
      return copy === undefined ? undefined : relocate(copy, loc);
    }
    const tag = (node as YamlNode).tag;
    if (tag !== undefined && tag !== null) {
      issues.push({ ...at(tagStart(text, range?.[0] ?? fallback ?? 0)), path: pathText, message: `explicit YAML tags are not allowed (found ${shortTag(tag)})`, expected: 'plain values: scenario files never construct objects or run code' });
      return undefined;
    }
    if (isScalar(node)) {
      const v = node.value;
      if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { kind: 'scalar', loc, value: v };
      issues.push({ ...loc, path: pathText, message: `unsupported value of type ${typeof v}` });
      return undefined;
    }
    if (isSeq(node)) {
      const items: LNode[] = [];
      node.items.forEach((item, i) => {
        const c = convert(item, [...path, i], depth + 1, range?.[0]);
        if (c !== undefined) items.push(c);
        else items.push({ kind: 'scalar', loc: at((item as { range?: number[] } | null)?.range?.[0] ?? range?.[0]), value: null });
      });
      return { kind: 'seq', loc, items };
    }
    if (isMap(node)) {
      const entries = new Map<string, MapEntry>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        const keyLoc = at((keyNode as { range?: number[] } | null)?.range?.[0] ?? range?.[0]);
        if (keyNode !== null && !isScalar(keyNode)) {
          issues.push({ ...keyLoc, path: pathText, message: 'a key must be plain text, not a mapping, list or alias' });
          continue;
        }
        if (keyNode !== null && keyNode.tag !== undefined && keyNode.tag !== null) {
          issues.push({ ...keyLoc, path: pathText, message: `explicit YAML tags are not allowed (found ${shortTag(keyNode.tag)})`, expected: 'plain values: scenario files never construct objects or run code' });
          continue;
        }
        const raw = keyNode === null ? null : keyNode.value;
        if (raw === null || raw === '' || (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean')) {
          issues.push({ ...keyLoc, path: pathText, message: 'empty key', expected: 'a field name' });
          continue;
        }
        const key = String(raw);
        const keyPath = pathText === '' ? key : `${pathText}.${key}`;
        if (entries.has(key)) {
          issues.push({ ...keyLoc, path: keyPath, message: `duplicate key "${key}" (each key may appear once in a mapping)` });
          continue;
        }
        if (FORBIDDEN_KEYS.has(key)) {
          issues.push({ ...keyLoc, path: keyPath, message: `the key "${key}" is not allowed (it could alter object prototypes)` });
          continue;
        }
        const value = pair.value === null
          ? { kind: 'scalar' as const, loc: keyLoc, value: null }
          : convert(pair.value, [...path, key], depth + 1, keyNode?.range?.[0]);
        if (value !== undefined) entries.set(key, { keyLoc, value });
      }
      return { kind: 'map', loc, entries };
    }
    issues.push({ ...loc, path: pathText, message: 'unsupported YAML node' });
    return undefined;
  };

  const root = convert(doc.contents, [], 0, 0);
  return { root: budget.exhausted ? undefined : root, issues };
}

/** The offset of the `!tag` written before the value at `offset` (the value's offset if none). */
function tagStart(text: string, offset: number): number {
  let j = offset - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  const end = j;
  while (j >= 0 && !/\s/.test(text[j])) j--;
  return end >= 0 && text[j + 1] === '!' ? j + 1 : offset;
}

/** A copy of `node` whose own location (not its children's) is `loc`. */
function relocate(node: LNode, loc: Loc): LNode {
  return { ...node, loc } as LNode;
}

function shortTag(tag: string): string {
  return tag.replace(/^tag:yaml\.org,2002:/, '!!');
}

function yamlMessage(code: string, message: string): string {
  if (code === 'DUPLICATE_KEY') return 'duplicate key (each key may appear once in a mapping)';
  return message.split('\n')[0];
}

/**
 * Rejects, before parsing, text whose nesting would make the YAML parser slow or exhaust memory:
 * indentation beyond 256 columns, more than 32 compact `- `/`? ` indicators on a line, or flow
 * brackets nested more than 32 deep. Real scenarios stay far below these limits.
 */
function prescan(text: string, file: string): ScenarioIssue | undefined {
  let flowDepth = 0;
  let line = 1;
  let lineStart = 0;
  let quote: '"' | "'" | undefined;
  let comment = false;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (i === text.length || ch === '\n') {
      const content = text.slice(lineStart, i);
      const indent = /^[ \t]*/.exec(content)![0].length;
      const compact = /^[ \t]*((?:[-?:][ \t]+)*)/.exec(content)![1].replace(/[ \t]/g, '').length;
      if (indent > 256 || compact > 32) {
        return { file, line, column: 1, path: '', message: 'values are nested too deeply', expected: `at most ${MAX_DEPTH} levels of mappings and lists` };
      }
      line++;
      lineStart = i + 1;
      comment = false;
      continue;
    }
    if (comment) continue;
    if (quote !== undefined) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]))) comment = true;
    else if (ch === '"' || ch === "'") {
      // a quote starts a quoted scalar only at the start of a value; elsewhere it is text ("don't")
      let j = i - 1;
      while (j >= lineStart && (text[j] === ' ' || text[j] === '\t')) j--;
      if (j < lineStart || ':,[{-?'.includes(text[j])) quote = ch;
    } else if (ch === '[' || ch === '{') {
      if (++flowDepth > MAX_DEPTH) {
        return { file, line, column: i - lineStart + 1, path: '', message: 'values are nested too deeply', expected: `at most ${MAX_DEPTH} levels of mappings and lists` };
      }
    } else if (ch === ']' || ch === '}') flowDepth = Math.max(0, flowDepth - 1);
  }
  return undefined;
}

/** The node at `path`, or undefined; list items are addressed by index. */
export function nodeAt(root: LNode | undefined, path: readonly PropertyKey[]): LNode | undefined {
  let node = root;
  for (const seg of path) {
    if (node === undefined) return undefined;
    if (node.kind === 'map') node = node.entries.get(String(seg))?.value;
    else if (node.kind === 'seq') node = typeof seg === 'number' ? node.items[seg] : undefined;
    else return undefined;
  }
  return node;
}

/**
 * The location to report for `path`: the node itself if present, else its nearest present ancestor
 * (for a missing field, the mapping that should hold it). `exact` says which.
 */
export function locate(root: LNode, path: readonly PropertyKey[]): { loc: Loc; node: LNode; exact: boolean } {
  let node = root;
  for (const seg of path) {
    const next = nodeAt(node, [seg]);
    if (next === undefined) return { loc: node.loc, node, exact: false };
    node = next;
  }
  return { loc: node.loc, node, exact: true };
}

/** The location of the key of the entry at `path` in a mapping (the value's if not a map entry). */
export function keyLocation(root: LNode, parentPath: readonly PropertyKey[], key: string): Loc | undefined {
  const parent = nodeAt(root, parentPath);
  return parent?.kind === 'map' ? parent.entries.get(key)?.keyLoc : undefined;
}

/** The plain JavaScript value of a located tree (objects, arrays, scalars). */
export function toPlain(node: LNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map': {
      const out: Record<string, unknown> = {};
      // forbidden keys never reach a tree, so plain assignment cannot touch a prototype
      for (const [k, e] of node.entries) out[k] = toPlain(e.value);
      return out;
    }
  }
}

/** A short rendering of a value for messages: scalars as YAML would show them, collections by size. */
export function describeNode(node: LNode): string {
  switch (node.kind) {
    case 'scalar': {
      const v = node.value;
      if (v === null) return 'nothing (null)';
      if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
      return String(v);
    }
    case 'seq':
      return `a list of ${node.items.length} item${node.items.length === 1 ? '' : 's'}`;
    case 'map':
      return `a mapping with ${node.entries.size} key${node.entries.size === 1 ? '' : 's'}`;
  }
}
