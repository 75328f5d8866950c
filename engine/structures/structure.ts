/**
 * The `Structure` interface: the only structure type the rest of the engine sees.
 *
 * A structure is a strategy made of data: it turns the status-quo mechanisms into its own
 * (`mechanisms`), may add hooks at named points where behaviour itself differs (`Mechanisms.hooks`),
 * and says what a change into it costs (`disruption`). The model reads `Mechanisms` only.
 */
import type { DisruptionProfile, Mechanisms } from '../model/mechanisms.ts';
import type { Parameters } from '../model/parameters.ts';

/** One way of organising children's services. */
export interface Structure {
  /** Stable id (a key of the registry). */
  readonly id: string;
  /** Short label for tables and charts. */
  readonly label: string;
  /** One paragraph: what it is and what the evidence says. */
  readonly description: string;
  /** Mechanisms in force under this structure, from the status-quo mechanisms and the parameters. Pure. */
  mechanisms(base: Mechanisms, params: Parameters): Mechanisms;
  /** Disruption of a change into this structure. Pure. */
  disruption(params: Parameters): DisruptionProfile;
}
