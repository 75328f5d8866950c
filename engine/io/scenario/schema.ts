/**
 * The scenario schema: the one contract for scenario files (types, validation, JSON Schema).
 *
 * Owned by the scenario-files work. The shape of `ResolvedScenario` below is what the replicate
 * function and runner rely on, so renaming a field there is a breaking change for them.
 *
 * Cross-field rules (checked even when other fields are invalid, so every problem is reported at
 * once): arm ids and authority ids are unique, `baseline` names an arm, each arm's dated changes fall
 * inside the horizon and are in date order, `outputs` has no repeats, and numeric parameters whose
 * unit is a percentage lie in 0-100 and those whose unit is a count are not negative.
 */
import { z } from 'zod';
import { ParametersSchema } from '../../model/parameters.ts';
import { AuthoritySchema } from '../../model/authority.ts';
import { OUTCOME_IDS } from '../../model/outcomes.ts';
import { STRUCTURE_IDS } from '../../structures/registry.ts';
import { nearest } from './suggest.ts';

/** An ISO calendar date, `YYYY-MM-DD` (quoted or not: the YAML core schema keeps dates as text). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD')
  .refine((s) => isRealDate(s), 'not a real calendar date');

/** Lower-case id used in file names and output columns. */
const IdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lower-case letters, digits and dashes, starting with a letter or digit');

/** One dated structural change in an arm. */
export const StructuralChangeSchema = z
  .object({
    date: IsoDateSchema.describe('Date the new structure takes effect (inside the horizon).'),
    structure: z.enum(STRUCTURE_IDS).describe('Structure the authority moves to.'),
  })
  .strict()
  .describe('A dated structural change: from `date` the authority runs under `structure`, with its disruption.');

/** The rule applied after an "inadequate" inspection judgement. */
export const InterventionSchema = z
  .object({
    onInadequate: z
      .enum([...STRUCTURE_IDS, 'none'])
      .default('independent-trust')
      .describe('Structure imposed if the authority has not improved in time; "none" disables the rule.'),
    improveWithinMonths: z
      .number()
      .positive()
      .default(6)
      .describe('Months allowed to improve after an inadequate judgement (DfE 2015: six months).')
      .meta({ unit: 'months', range: [3, 24], source: 'DfE, Children\'s social care innovation and intervention, Dec 2015' }),
  })
  .strict()
  .prefault({})
  .describe('Intervention after an "inadequate" judgement: improve within the months allowed or move to another structure.');

/** One arm (option) of a comparison. */
export const ArmSchema = z
  .object({
    id: IdSchema.describe('Short id used in output files and in `baseline`.'),
    name: z.string().min(1).describe('Name as printed in reports.'),
    description: z.string().default('').describe('What this option is, in a sentence or two.'),
    structure: z.enum(STRUCTURE_IDS).describe('Structure in force from the start (including warm-up).'),
    changes: z.array(StructuralChangeSchema).default([]).describe('Dated structural changes, in date order, inside the horizon.'),
    intervention: InterventionSchema,
  })
  .strict();

/** A scenario file after `extends` is merged (before defaults are applied). */
export const ScenarioSchema = z
  .object({
    $schema: z.string().optional().describe('JSON Schema for editors (ignored by cssim).'),
    name: z.string().min(1).describe('Scenario name as printed in reports.'),
    description: z.string().default('').describe('What the scenario asks, in a few sentences.'),
    extends: z.string().optional().describe('Path of a base scenario file, relative to this one; this file is merged onto it.'),
    seed: z.number().int().min(0).max(2 ** 32 - 1).describe('Root seed of every random stream (0 to 4294967295).'),
    start: IsoDateSchema.default('2019-04-01').describe('First day of the horizon (after warm-up).'),
    horizonYears: z.number().int().min(1).max(50).default(10).describe('Years simulated and reported.'),
    warmupYears: z.number().int().min(0).max(20).default(2).describe('Years simulated before `start` and discarded.'),
    replicates: z.number().int().min(1).default(100).describe('Replicates per arm.'),
    authorities: z.array(AuthoritySchema).min(1).describe('Local authorities simulated together.'),
    parameters: ParametersSchema.describe('Model parameters; any left out take their defaults.'),
    arms: z.array(ArmSchema).min(1).describe('Options compared.'),
    baseline: z.string().describe('Arm id the others are compared against.'),
    outputs: z.array(z.enum(OUTCOME_IDS)).default([...OUTCOME_IDS]).describe('Outcomes reported.'),
  })
  .strict()
  .superRefine((value, ctx) => crossFieldChecks(value, ctx), { when: () => true });

/** A scenario with every default applied. */
export type Scenario = z.output<typeof ScenarioSchema>;

/** One resolved arm. */
export type Arm = Scenario['arms'][number];

/**
 * A fully resolved scenario: extends merged, overrides applied, defaults filled, validated, deep-frozen.
 * `hash` is the SHA-256 (hex) of the canonical JSON of everything else; it identifies results.
 */
export type ResolvedScenario = Readonly<Omit<Scenario, 'extends' | '$schema'>> & {
  readonly hash: string;
};

/** True for a `YYYY-MM-DD` text that names a real calendar day. */
export function isRealDate(s: string): boolean {
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}

/** The ISO date `years` calendar years after `iso` (29 February maps to 1 March in common years). */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const t = new Date(Date.UTC(y + years, m - 1, d));
  return t.toISOString().slice(0, 10);
}

/** Parameter units treated as percentages (0-100) and as counts (never negative). */
const PERCENT_UNIT = /^%|percent|% of/i;
const COUNT_UNIT = /^(children|workers|cases|referrals|posts|count|fte|number)\b/i;

type Ctx = z.core.$RefinementCtx<unknown>;

/**
 * The rules that span fields. Runs on a partly valid value (zod calls it even when fields failed),
 * so every access is checked.
 */
function crossFieldChecks(raw: unknown, ctx: Ctx): void {
  if (raw === null || typeof raw !== 'object') return;
  const v = raw as Record<string, unknown>;
  const issue = (path: PropertyKey[], message: string, params?: { found?: string; expected?: string; suggestion?: string }): void => {
    ctx.addIssue({ code: 'custom', path, message, params, input: undefined });
  };

  const armIds = uniqueIds(v.arms, 'arms', 'arm', issue);
  uniqueIds(v.authorities, 'authorities', 'authority', issue);

  if (typeof v.baseline === 'string' && armIds.length > 0 && !armIds.includes(v.baseline)) {
    issue(['baseline'], `baseline "${v.baseline}" is not the id of an arm`, {
      found: JSON.stringify(v.baseline),
      expected: `one of: ${armIds.join(', ')}`,
      suggestion: nearest(v.baseline, armIds),
    });
  }

  const start = typeof v.start === 'string' && isRealDate(v.start) ? v.start : undefined;
  const years = typeof v.horizonYears === 'number' && Number.isInteger(v.horizonYears) && v.horizonYears >= 1 && v.horizonYears <= 50 ? v.horizonYears : undefined;
  if (start !== undefined && years !== undefined && Array.isArray(v.arms)) {
    const end = addYears(start, years);
    v.arms.forEach((arm, a) => {
      const changes = (arm as { changes?: unknown } | null)?.changes;
      if (!Array.isArray(changes)) return;
      let previous: string | undefined;
      changes.forEach((c, i) => {
        const date = (c as { date?: unknown } | null)?.date;
        if (typeof date !== 'string' || !isRealDate(date)) return;
        if (date < start || date >= end) {
          issue(['arms', a, 'changes', i, 'date'], 'change date is outside the horizon', {
            found: date,
            expected: `a date from ${start} (start) to before ${end} (start + ${years} years)`,
          });
        }
        if (previous !== undefined && date <= previous) {
          issue(['arms', a, 'changes', i, 'date'], 'changes must be in date order, one per date', {
            found: date,
            expected: `a date after ${previous}`,
          });
        }
        previous = date;
      });
    });
  }

  if (Array.isArray(v.outputs)) {
    const seen = new Set<unknown>();
    v.outputs.forEach((o, i) => {
      if (seen.has(o)) issue(['outputs', i], `outcome ${JSON.stringify(o)} is listed twice`);
      seen.add(o);
    });
  }

  checkUnits(ParametersSchema, v.parameters, ['parameters'], issue);
  if (Array.isArray(v.authorities)) v.authorities.forEach((a, i) => checkUnits(AuthoritySchema, a, ['authorities', i], issue));
}

/** Reports repeated `id`s in a list and returns the ids found (strings only). */
function uniqueIds(list: unknown, field: string, what: string, issue: (p: PropertyKey[], m: string, params?: { found?: string; expected?: string }) => void): string[] {
  if (!Array.isArray(list)) return [];
  const ids: string[] = [];
  list.forEach((item, i) => {
    const id = (item as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') return;
    if (ids.includes(id)) issue([field, i, 'id'], `${what} id "${id}" is used twice`, { found: id, expected: `an id different from ${ids.join(', ')}` });
    ids.push(id);
  });
  return ids;
}

/** Range rules implied by units in a schema's metadata: percentages in 0-100, counts not negative. */
function checkUnits(schema: z.ZodType, value: unknown, path: PropertyKey[], issue: (p: PropertyKey[], m: string, params?: { found?: string; expected?: string }) => void): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
  const shape = objectShape(schema);
  if (!shape) return;
  for (const [key, child] of Object.entries(shape)) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    if (typeof v === 'number') {
      const unit = String(metaOf(child)?.unit ?? '');
      const bounds = boundsOf(child);
      // only where the leaf's own schema does not already bound it (one message per problem)
      if (PERCENT_UNIT.test(unit) && bounds.maximum === undefined && (v < 0 || v > 100)) issue([...path, key], 'a percentage must be between 0 and 100', { found: String(v), expected: `0 to 100 (${unit})` });
      else if (COUNT_UNIT.test(unit) && bounds.minimum === undefined && v < 0) issue([...path, key], 'a count cannot be negative', { found: String(v), expected: `0 or more (${unit})` });
    } else checkUnits(child, v, [...path, key], issue);
  }
}

/** An object schema's shape under defaults and optionals, else undefined. */
function objectShape(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  let s: z.ZodType = schema;
  for (let i = 0; i < 16; i++) {
    const def = (s as unknown as { _zod: { def: { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType> } } })._zod.def;
    if (def.type === 'object') return def.shape;
    if (!def.innerType) return undefined;
    s = def.innerType;
  }
  return undefined;
}

/** The parts of a zod definition `boundsOf` reads. */
interface NumberDef {
  type: string;
  innerType?: z.ZodType;
  checks?: { _zod: { def: { check: string; value?: number } } }[];
}

/** The numeric bounds zod already enforces on a leaf (looking through defaults and optionals). */
function boundsOf(schema: z.ZodType): { minimum?: number; maximum?: number } {
  let s: z.ZodType | undefined = schema;
  for (let i = 0; i < 16 && s; i++) {
    const def: NumberDef = (s as unknown as { _zod: { def: NumberDef } })._zod.def;
    if (def.type === 'number') {
      const out: { minimum?: number; maximum?: number } = {};
      for (const c of def.checks ?? []) {
        if (c._zod.def.check === 'greater_than') out.minimum = c._zod.def.value;
        if (c._zod.def.check === 'less_than') out.maximum = c._zod.def.value;
      }
      return out;
    }
    s = def.innerType;
  }
  return {};
}

/** The `.meta()` of a schema, looking through defaults and optionals. */
function metaOf(schema: z.ZodType): { unit?: unknown } | undefined {
  let s: z.ZodType | undefined = schema;
  for (let i = 0; i < 16 && s; i++) {
    const m = z.globalRegistry.get(s) as { unit?: unknown } | undefined;
    if (m?.unit !== undefined) return m;
    s = (s as unknown as { _zod: { def: { innerType?: z.ZodType } } })._zod.def.innerType;
  }
  return undefined;
}
