/**
 * Reading the zod scenario schema as a tree: which keys are valid at a path, what a list holds.
 * Used for "did you mean" suggestions and to check `--set` paths before applying them.
 */
import type { z } from 'zod';

/** Any zod schema. */
export type AnySchema = z.ZodType;

interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  getter?: () => AnySchema;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  valueType?: AnySchema;
  entries?: Record<string, string | number>;
  values?: unknown[];
}

function defOf(s: AnySchema): Def {
  return (s as unknown as { _zod: { def: Def } })._zod.def;
}

/** The schema under defaults, optionals, nullables, pipes and lazies. */
export function unwrapSchema(s: AnySchema): AnySchema {
  let cur = s;
  for (let guard = 0; guard < 64; guard++) {
    const d = defOf(cur);
    if (d.innerType && ['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch', 'nonoptional'].includes(d.type)) cur = d.innerType;
    else if (d.type === 'pipe' && d.in) cur = d.in;
    else if (d.type === 'lazy' && d.getter) cur = d.getter();
    else break;
  }
  return cur;
}

/** What kind of value a schema describes, as far as paths are concerned. */
export type SchemaShape = 'object' | 'array' | 'record' | 'value';

/** The kind of `s` after unwrapping. */
export function shapeOf(s: AnySchema): SchemaShape {
  const t = defOf(unwrapSchema(s)).type;
  return t === 'object' || t === 'array' || t === 'record' ? t : 'value';
}

/** The keys an object schema allows, in declaration order (empty for other schemas). */
export function objectKeys(s: AnySchema): string[] {
  const d = defOf(unwrapSchema(s));
  return d.type === 'object' && d.shape ? Object.keys(d.shape) : [];
}

/** The schema of one child: an object's field, a list's element, a record's value; else undefined. */
export function childSchema(s: AnySchema, segment: string | number): AnySchema | undefined {
  const d = defOf(unwrapSchema(s));
  if (d.type === 'object' && d.shape) return Object.hasOwn(d.shape, String(segment)) ? d.shape[String(segment)] : undefined;
  if (d.type === 'array') return d.element;
  if (d.type === 'record') return d.valueType;
  return undefined;
}

/** The schema at `path` (numbers index lists), or undefined if the path leaves the schema. */
export function schemaAt(root: AnySchema, path: readonly PropertyKey[]): AnySchema | undefined {
  let cur: AnySchema | undefined = root;
  for (const seg of path) {
    if (cur === undefined) return undefined;
    cur = childSchema(cur, typeof seg === 'number' ? seg : String(seg));
  }
  return cur;
}

/** The options of an enum schema (after unwrapping), else undefined. */
export function enumOptions(s: AnySchema): string[] | undefined {
  const d = defOf(unwrapSchema(s));
  if (d.type === 'enum' && d.entries) return Object.values(d.entries).map(String);
  return undefined;
}

/** Every dotted path to a leaf (non-object) under an object schema, e.g. `workforce.caseloadTarget`. */
export function leafPaths(s: AnySchema, prefix = ''): string[] {
  const keys = objectKeys(s);
  if (keys.length === 0 || shapeOf(s) !== 'object') return prefix === '' ? [] : [prefix];
  return keys.flatMap((k) => leafPaths(childSchema(s, k)!, prefix === '' ? k : `${prefix}.${k}`));
}
