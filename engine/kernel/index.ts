/** The simulation kernel (re-exports only). Knows nothing about children's services. */
export type { Day } from './clock.ts';
export { Calendar } from './clock.ts';
export { AgentTimers } from './agent-timers.ts';
export { EventQueue } from './event-queue.ts';
export type { Period } from './periodic.ts';
export { PERIODS, isPeriod, occurrence } from './periodic.ts';
export type { EventHandler } from './simulation.ts';
export { Simulation, KIND_LIMIT } from './simulation.ts';
export * from './rng/index.ts';
