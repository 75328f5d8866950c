/**
 * The JSON Schema of scenario files, for editors (VS Code's YAML extension, IntelliJ).
 *
 * Generated from the zod schema (the one source of truth), describing what a file may contain
 * before defaults are applied. A file with `extends` only needs the fields it changes, so the
 * top-level `required` list, and the required fields of arms and authorities other than `id`, apply
 * only to files without `extends`.
 */
import { z } from 'zod';
import { ScenarioSchema } from './schema.ts';

/** The JSON Schema (draft-07, the version editors support best) of a scenario file, as a plain object. */
export function scenarioJsonSchema(): object {
  const generated = z.toJSONSchema(ScenarioSchema, { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  annotateUnits(generated);
  const { $schema, required, ...rest } = generated;
  // items of id-keyed lists merge by id under `extends`, so a child file may give only `id` and the
  // fields it changes: their other required fields apply only to files without `extends`
  const properties = rest.properties as Record<string, { items?: { required?: string[] } }>;
  const itemRules: Record<string, unknown> = {};
  for (const list of ['arms', 'authorities']) {
    const items = properties[list]?.items;
    if (items?.required && items.required.includes('id')) {
      itemRules[list] = { items: { required: items.required } };
      items.required = ['id'];
    }
  }
  return {
    $schema,
    title: 'cssim scenario',
    ...rest,
    if: { not: { required: ['extends'] } },
    then: { ...(Array.isArray(required) && required.length > 0 ? { required } : {}), properties: itemRules },
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
