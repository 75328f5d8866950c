/**
 * TEMPORARY STUB written by the lead so other parts can compile: the world-model work replaces this
 * file with the real registry (`STRUCTURES: Record<StructureId, Structure>`), keeping the
 * `STRUCTURE_IDS` export (a non-empty readonly tuple of the ids, usable in `z.enum`).
 */
export const STRUCTURE_IDS = [
  'status-quo',
  'partnership',
  'childrens-trust',
  'dcs-merge',
  'independent-trust',
  'shared-service',
  'national-agency',
] as const;

/** One structure id. */
export type StructureId = (typeof STRUCTURE_IDS)[number];
