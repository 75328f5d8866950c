/**
 * The JSON Schema of scenario files, for editors (VS Code's YAML extension, IntelliJ).
 *
 * Generated from the zod schema (the one source of truth), describing what a file may contain
 * before defaults are applied. A file with `extends` only needs the fields it changes, so the
 * top-level `required` list applies only to files without `extends`.
 */
import { z } from 'zod';
import { ScenarioSchema } from './schema.ts';

/** The JSON Schema (draft 2020-12) of a scenario file, as a plain object. */
export function scenarioJsonSchema(): object {
  const generated = z.toJSONSchema(ScenarioSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  annotateUnits(generated);
  const { $schema, required, ...rest } = generated;
  return {
    $schema,
    title: 'cssim scenario',
    ...rest,
    ...(Array.isArray(required) && required.length > 0
      ? { if: { not: { required: ['extends'] } }, then: { required } }
      : {}),
  };
}

/**
 * Appends a parameter's unit, plausible range and source to its description, so an editor's hover
 * shows them (the `unit`, `range` and `source` keys stay for tools that read them).
 */
function annotateUnits(node: unknown): void {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) annotateUnits(n);
    return;
  }
  const o = node as Record<string, unknown>;
  if (typeof o.unit === 'string' && typeof o.description === 'string') {
    const range = Array.isArray(o.range) && o.range.length === 2 ? ` Plausible range ${String(o.range[0])} to ${String(o.range[1])}.` : '';
    const source = typeof o.source === 'string' ? ` Source: ${o.source}.` : '';
    o.description = `${o.description} Unit: ${o.unit}.${range}${source}`;
  }
  for (const v of Object.values(o)) annotateUnits(v);
}
