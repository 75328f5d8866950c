/** TEMPORARY STUB written by the lead; the owning work replaces it. */
import type { Command } from 'commander';
import { UserError, EXIT } from './exit-codes.ts';

/** Registers `cssim validate`. */
export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('(not implemented yet)')
    .allowUnknownOption()
    .action(() => {
      throw new UserError('cssim validate is not implemented yet', EXIT.failed);
    });
}
