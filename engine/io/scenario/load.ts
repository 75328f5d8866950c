/**
 * Loading a scenario: read → parse safely → merge `extends` → apply overrides → validate → fill
 * defaults → hash → deep-freeze. Every problem in every file is collected and thrown together.
 */
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { canonicalJson, sha256Hex } from '../hash.ts';
import { ScenarioError, type ScenarioIssue } from './errors.ts';
import { toScenarioIssues } from './issues.ts';
import { mergeTrees } from './merge.ts';
import { applyOverrides, parseOverrides, type Override } from './overrides.ts';
import { ScenarioSchema, type ResolvedScenario } from './schema.ts';
import { MAX_FILE_BYTES, parseYamlText, toPlain, type LNode, type MapEntry } from './tree.ts';

/** Options of `loadScenario`. */
export interface LoadOptions {
  /** `path=value` overrides, applied in order after `extends` is merged (see `overrides.ts`). */
  set?: readonly string[];
  /** Replaces the file's `seed`. */
  seed?: number;
  /** Replaces the file's `replicates`. */
  replicates?: number;
}

/** Longest chain of `extends` followed. */
export const MAX_EXTENDS_DEPTH = 16;

/**
 * Reads, merges `extends`, applies `--set` overrides, validates, fills defaults, hashes, deep-freezes.
 *
 * Throws `ScenarioError` (a `UserError`, exit code 2) listing every problem found, each located at
 * the file, line and column where the offending value was written.
 *
 * @example const s = await loadScenario('scenarios/dcs-merge.yaml', { set: ['replicates=20'] });
 */
export async function loadScenario(path: string, opts: LoadOptions = {}): Promise<ResolvedScenario> {
  const text = await readText(path);
  if (typeof text !== 'string') throw new ScenarioError([text]);
  return loadScenarioText(text, path, opts);
}

/** Same as `loadScenario` from text already in memory; `fileName` is used in messages and to find `extends` bases. */
export async function loadScenarioText(text: string, fileName: string, opts: LoadOptions = {}): Promise<ResolvedScenario> {
  const issues: ScenarioIssue[] = [];
  const parsed = parseYamlText(text, fileName);
  issues.push(...parsed.issues);
  let root = parsed.root;
  if (root !== undefined && root.kind !== 'map') {
    issues.push({ ...root.loc, path: '', message: 'a scenario must be a mapping of fields (name: …, seed: …)', expected: 'a mapping at the top level' });
    root = undefined;
  }
  const readProblems = issues.length;
  if (root !== undefined) root = await withBases(root, fileName, [resolve(fileName)], issues);
  // without its base a file lacks fields on purpose: schema errors would only be noise
  const baseMissing = issues.length > readProblems && issues.slice(readProblems).some((i) => i.path === 'extends');

  const { overrides, issues: setIssues } = parseOverrides(opts.set ?? []);
  issues.push(...setIssues);
  const numeric: Override[] = [];
  if (opts.seed !== undefined) numeric.push({ source: '--seed', index: 1, text: `seed=${opts.seed}`, path: 'seed', value: String(opts.seed) });
  if (opts.replicates !== undefined) numeric.push({ source: '--replicates', index: 1, text: `replicates=${opts.replicates}`, path: 'replicates', value: String(opts.replicates) });
  if (root !== undefined) {
    const applied = applyOverrides(root, [...overrides, ...numeric], ScenarioSchema);
    issues.push(...applied.issues);
    root = applied.root;
  }
  if (root === undefined || issues.length > 0) {
    // with a usable tree, validation can still find more problems to report at once
    // (values dropped as unsafe are not reported again as missing or wrong)
    if (root !== undefined && !baseMissing) {
      const dropped = issues.map((i) => i.path).filter((p) => p !== '');
      const covered = (p: string): boolean => dropped.some((d) => p === d || p.startsWith(`${d}.`));
      issues.push(...validate(root).issues.filter((i) => !covered(i.path)));
    }
    throw new ScenarioError(issues.length > 0 ? issues : [{ file: fileName, line: 1, column: 1, path: '', message: 'the scenario could not be read' }]);
  }
  const result = validate(root);
  if (result.value === undefined) throw new ScenarioError(result.issues);
  const { extends: _extends, $schema: _schema, ...rest } = result.value;
  void _extends;
  void _schema;
  const hash = sha256Hex(canonicalJson(rest));
  return deepFreeze({ ...rest, hash });
}

function validate(root: LNode): { value?: ReturnType<typeof ScenarioSchema.parse>; issues: ScenarioIssue[] } {
  const r = ScenarioSchema.safeParse(toPlain(root));
  if (r.success) return { value: r.data, issues: [] };
  const issues = toScenarioIssues(r.error.issues, root, ScenarioSchema);
  return { issues: issues.length > 0 ? issues : [{ ...root.loc, path: '', message: r.error.message }] };
}

/**
 * Merges the chain of `extends` bases under `root` (a mapping). `chain` holds the absolute paths of
 * the files being merged, to detect cycles. Problems are pushed to `issues`; the tree is returned
 * without its `extends` key.
 */
async function withBases(root: Extract<LNode, { kind: 'map' }>, fileName: string, chain: string[], issues: ScenarioIssue[]): Promise<LNode> {
  const ext = root.entries.get('extends');
  if (ext === undefined) return root;
  const own = new Map<string, MapEntry>(root.entries);
  own.delete('extends');
  const child: LNode = { kind: 'map', loc: root.loc, entries: own };
  const v = ext.value;
  if (v.kind !== 'scalar' || typeof v.value !== 'string' || v.value.trim() === '') {
    issues.push({ ...v.loc, path: 'extends', message: 'extends must be the path of a base scenario file', expected: 'a file name such as england-average.yaml' });
    return child;
  }
  const basePath = isAbsolute(v.value) ? v.value : join(dirname(fileName), v.value);
  const absolute = resolve(basePath);
  if (chain.includes(absolute)) {
    const names = [...chain.slice(chain.indexOf(absolute)), absolute].map((p) => p.split(/[\\/]/).pop());
    issues.push({ ...v.loc, path: 'extends', message: `extends cycle: ${names.join(' -> ')}`, found: JSON.stringify(v.value), expected: 'a chain of bases that ends in a file without extends' });
    return child;
  }
  if (chain.length >= MAX_EXTENDS_DEPTH) {
    issues.push({ ...v.loc, path: 'extends', message: `extends chain longer than ${MAX_EXTENDS_DEPTH} files` });
    return child;
  }
  const text = await readText(basePath);
  if (typeof text !== 'string') {
    issues.push({ ...v.loc, path: 'extends', message: `cannot use base file ${basePath}: ${text.message}`, found: JSON.stringify(v.value) });
    return child;
  }
  const parsed = parseYamlText(text, basePath);
  issues.push(...parsed.issues);
  if (parsed.root === undefined) return child;
  if (parsed.root.kind !== 'map') {
    issues.push({ ...parsed.root.loc, path: '', message: 'a base scenario must be a mapping of fields', expected: 'a mapping at the top level' });
    return child;
  }
  const base = await withBases(parsed.root, basePath, [...chain, absolute], issues);
  return mergeTrees(base, child);
}

/** The text of a file, or an issue saying why it cannot be read (missing, too large, not UTF-8). */
async function readText(path: string): Promise<string | ScenarioIssue> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a directory, not a file' : code === 'EACCES' ? 'permission denied' : `cannot read file (${code ?? (err as Error).message})`;
    return { file: path, line: 0, column: 0, path: '', message };
  }
  if (bytes.length > MAX_FILE_BYTES) {
    return { file: path, line: 0, column: 0, path: '', message: `file is too large (${bytes.length} bytes)`, expected: `at most ${MAX_FILE_BYTES} bytes (256 KiB)` };
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { file: path, line: 0, column: 0, path: '', message: 'file is not UTF-8 text' };
  }
}

/** Freezes a plain value and everything inside it. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}
