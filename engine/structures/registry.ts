/**
 * The registry: the only list of structures. The scenario schema's structure enum comes from its keys;
 * a new structure is one file, one line here and one test.
 */
import type { Structure } from './structure.ts';
import { statusQuo } from './status-quo.ts';
import { partnership } from './partnership.ts';
import { childrensTrust } from './childrens-trust.ts';
import { dcsMerge } from './dcs-merge.ts';
import { independentTrust } from './independent-trust.ts';
import { sharedService } from './shared-service.ts';
import { nationalAgency } from './national-agency.ts';

/** Every structure by id, in report order (status quo first). */
export const STRUCTURES = {
  'status-quo': statusQuo,
  partnership,
  'childrens-trust': childrensTrust,
  'dcs-merge': dcsMerge,
  'independent-trust': independentTrust,
  'shared-service': sharedService,
  'national-agency': nationalAgency,
} as const satisfies Record<string, Structure>;

/** One structure id. */
export type StructureId = keyof typeof STRUCTURES;

/** Structure ids as a non-empty readonly tuple (usable in `z.enum`), in registry order. */
export const STRUCTURE_IDS = Object.keys(STRUCTURES) as [StructureId, ...StructureId[]];

/**
 * The structure whose mechanisms are the model's base mechanisms: the one England's published
 * figures describe, so the one the calibration targets apply to.
 */
export const CALIBRATED_STRUCTURE: StructureId = 'status-quo';

/** True when `id` names a registered structure. */
export function isStructureId(id: string): id is StructureId {
  return Object.prototype.hasOwnProperty.call(STRUCTURES, id);
}
