/** Random streams and distributions (re-exports only). */
export { deriveStream, GENERATOR, Xoshiro128StarStar } from './stream.ts';
export type { Stream } from './stream.ts';
export { uniform } from './dist/uniform.ts';
export { bernoulli } from './dist/bernoulli.ts';
export { exponential } from './dist/exponential.ts';
export { normal, standardNormal } from './dist/normal.ts';
export { gamma, logStandardGamma } from './dist/gamma.ts';
export { lognormal } from './dist/lognormal.ts';
export { lognormalMeanSd } from './dist/lognormal-mean-sd.ts';
export { beta } from './dist/beta.ts';
export { poisson } from './dist/poisson.ts';
export { binomial } from './dist/binomial.ts';
export { AliasTable } from './dist/alias-table.ts';
export { logGamma } from './dist/log-gamma.ts';
