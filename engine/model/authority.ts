/**
 * TEMPORARY STUB written by the lead: the world-model work owns this file and may add fields.
 * Contract: `AuthoritySchema` (zod, strict, with defaults) describes one local authority's own figures.
 */
import { z } from 'zod';

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
  })
  .strict();

/** One local authority, resolved. */
export type Authority = z.output<typeof AuthoritySchema>;
