/** TEMPORARY STUB written by the lead; the owning work replaces it. */
import type { Command } from 'commander';
import { UserError, EXIT } from './exit-codes.ts';

/** Registers `cssim report`. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('cssim report is not implemented yet', EXIT.failed);
    });
}
