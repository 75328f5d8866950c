/**
 * TEMPORARY STUB written by the lead: the world-model work owns and replaces this file.
 * Contract kept by the real file: `ParametersSchema` is a zod object of groups (one per mechanism),
 * every leaf a number/boolean with `.default()`, `.describe()` and `.meta({ unit, range, source })`,
 * each group `.prefault({})` so an empty input resolves to all defaults; `Parameters = z.output<...>`.
 */
import { z } from 'zod';

/** Every model parameter, grouped by mechanism. */
export const ParametersSchema = z
  .object({
    workforce: z
      .object({
        caseloadTarget: z
          .number()
          .positive()
          .default(17)
          .describe('Cases per case-holding social worker the authority staffs for.')
          .meta({ unit: 'cases per FTE', range: [10, 30], source: 'DfE workforce 2019: 16.9' }),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});

/** Resolved parameters (all defaults applied). */
export type Parameters = z.output<typeof ParametersSchema>;
