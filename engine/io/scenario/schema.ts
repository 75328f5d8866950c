/**
 * The scenario schema: the one contract for scenario files (types, validation, JSON Schema).
 *
 * Owned by the scenario-files work, which may add fields and refinements; the shape of
 * `ResolvedScenario` below is what the replicate function and runner rely on, so renaming a field
 * there is a breaking change for them.
 */
import { z } from 'zod';
import { ParametersSchema } from '../../model/parameters.ts';
import { AuthoritySchema } from '../../model/authority.ts';
import { OUTCOME_IDS } from '../../model/outcomes.ts';
import { STRUCTURE_IDS } from '../../structures/registry.ts';

/** An ISO calendar date, `YYYY-MM-DD`. */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real calendar date');

/** One dated structural change in an arm. */
export const StructuralChangeSchema = z
  .object({
    date: IsoDateSchema.describe('Date the new structure takes effect (inside the horizon).'),
    structure: z.enum(STRUCTURE_IDS).describe('Structure the authority moves to.'),
  })
  .strict();

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
  .prefault({});

/** One arm (option) of a comparison. */
export const ArmSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).describe('Short id used in output files.'),
    name: z.string().min(1).describe('Name as printed in reports.'),
    description: z.string().default(''),
    structure: z.enum(STRUCTURE_IDS).describe('Structure in force from the start (including warm-up).'),
    changes: z.array(StructuralChangeSchema).default([]).describe('Dated structural changes, in date order.'),
    intervention: InterventionSchema,
  })
  .strict();

/** A scenario file after `extends` is merged (before defaults are applied). */
export const ScenarioSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().min(1).describe('Scenario name as printed in reports.'),
    description: z.string().default(''),
    extends: z.string().optional().describe('Path of a base scenario file, relative to this one.'),
    seed: z.number().int().min(0).max(2 ** 32 - 1).describe('Root seed of every random stream.'),
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
  .strict();

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
