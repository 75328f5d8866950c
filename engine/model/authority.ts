/**
 * One local authority's own figures: population, deprivation and its last inspection.
 * `AuthoritySchema` is strict and fills defaults.
 */
import { z } from 'zod';
import { INSPECTION_GRADES } from './outcomes.ts';

/** One local authority's figures. */
export const AuthoritySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).describe('Short id, lower-case letters, digits and dashes.'),
    name: z.string().min(1).describe('Name as printed in reports.'),
    childPopulation: z
      .number()
      .int()
      .positive()
      .describe('Children aged 0-17 (ONS mid-year estimate).')
      .meta({ unit: 'children', range: [1000, 12_000_000], source: 'ONS mid-year population estimates' }),
    deprivationDecile: z
      .number()
      .int()
      .min(1)
      .max(10)
      .default(5)
      .describe('IDACI decile of the authority, 1 most deprived, 10 least.')
      .meta({ unit: 'decile', range: [1, 10], source: 'MHCLG English indices of deprivation (IDACI)' }),
    initialInspectionGrade: z
      .enum(INSPECTION_GRADES)
      .default('requires_improvement')
      .describe('Latest inspection judgement before the run; reported until the first simulated inspection.')
      .meta({ unit: 'grade', range: [1, 4], source: 'Ofsted children\'s social care data (2019: 49% good or outstanding)' }),
    monthsSinceInspection: z
      .number()
      .int()
      .min(0)
      .max(120)
      .default(18)
      .describe('Months between the last inspection and the start of the horizon; the next comes one inspection interval after it.')
      .meta({ unit: 'months', range: [0, 48], source: 'judgement: mid-way through a three-year cycle' }),
  })
  .strict();

/** One local authority, resolved. */
export type Authority = z.output<typeof AuthoritySchema>;
