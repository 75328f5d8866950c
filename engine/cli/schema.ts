/** TEMPORARY STUB written by the lead; the owning work replaces it. */
import type { Command } from 'commander';
import { UserError, EXIT } from './exit-codes.ts';

/** Registers `cssim schema`. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('cssim schema is not implemented yet', EXIT.failed);
    });
}
