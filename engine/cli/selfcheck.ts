/** TEMPORARY STUB written by the lead; the owning work replaces it. */
import type { Command } from 'commander';
import { UserError, EXIT } from './exit-codes.ts';

/** Registers `cssim selfcheck`. */
export function registerSelfcheck(program: Command): void {
  program
    .command('selfcheck')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('cssim selfcheck is not implemented yet', EXIT.failed);
    });
}
