/**
 * The `cssim` command line: one subcommand per file in this folder.
 * Progress goes to stderr, results to stdout or disk; exit codes are in `io/user-error.ts`.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { EXIT, UserError } from '../io/user-error.ts';
import { registerSelfcheck } from './selfcheck.ts';
import { registerValidate } from './validate.ts';
import { registerSchema } from './schema.ts';
import { registerRun } from './run.ts';
import { registerReport } from './report.ts';
import { tuneV8ForKernel } from '../runner/v8-tuning.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** Builds the program with every subcommand registered (exported for tests). */
export function buildProgram(): Command {
  const program = new Command('cssim')
    .description('Monte Carlo agent-based simulation comparing ways of organising children\'s services in England')
    .version(pkg.version, '-V, --version')
    .showHelpAfterError()
    .enablePositionalOptions()
    .exitOverride();
  registerRun(program);
  registerValidate(program);
  registerSchema(program);
  registerReport(program);
  registerSelfcheck(program);
  return program;
}

async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version exit 0; argument errors were already printed by commander
      process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    } else if (err instanceof UserError) {
      process.stderr.write(`cssim: ${err.message}\n`);
      process.exitCode = err.exitCode;
    } else {
      process.stderr.write(`cssim: unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = EXIT.failed;
    }
  }
}

// `cssim ... | head` closes stdout early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
  throw err;
});

// the kernel's self-check runs with the kernel's V8 settings (the model runs in worker threads, whose
// bundle adds the model's when it loads)
tuneV8ForKernel();
await main(process.argv);
