/**
 * The random stream purposes of the world model, declared once (stable names: they are part of every
 * stream's key, so renaming one changes results).
 *
 * Exogenous purposes (the world every arm shares): `need-arising`, `false-referrals`, `initial-state`.
 * Children's own trajectories use counter-based per-child streams seeded from `need-arising` (see
 * `child-streams.ts`). Endogenous purposes (decisions whose count may differ between arms) have their
 * own streams so they never shift the exogenous ones. No purpose includes the arm.
 */
import { deriveStream } from '../kernel/index.ts';
import type { Stream } from '../kernel/index.ts';

/** Every purpose the world model draws from, in a fixed order. */
export const MODEL_PURPOSES = [
  'need-arising',
  'false-referrals',
  'initial-state',
  'workforce',
  'boards',
  'inspection',
] as const;

/** One model stream purpose. */
export type ModelPurpose = (typeof MODEL_PURPOSES)[number];

/** Key of an authority-specific stream: `${purpose}/${authorityId}`. */
export function authorityPurpose(purpose: ModelPurpose, authorityId: string): string {
  return `${purpose}/${authorityId}`;
}

/**
 * The stream of a model purpose for (rootSeed, replicate), optionally specific to one authority.
 * Never keyed by arm: every arm of a replicate gets the same stream.
 */
export function modelStream(rootSeed: number, replicate: number, purpose: ModelPurpose, authorityId?: string): Stream {
  return deriveStream(rootSeed, replicate, authorityId === undefined ? purpose : authorityPurpose(purpose, authorityId));
}
