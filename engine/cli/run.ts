/** TEMPORARY STUB written by the lead; the owning work replaces it. */
import type { Command } from 'commander';
import { UserError, EXIT } from './exit-codes.ts';

/** Registers `cssim run`. */
export function registerRun(program: Command): void {
  program
    .command('run')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('cssim run is not implemented yet', EXIT.failed);
    });
}
