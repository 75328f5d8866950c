/**
 * `cssim validate FILE... [--json] [--set path=value]...`: checks scenario files without running them.
 *
 * Prints `ok` and a one-line summary per valid file (stdout) and every problem of every invalid file
 * (stderr, one per line: `file:line:col path: message (found …; expected …; did you mean …?)`).
 * Exit code 0 when every file is valid, 2 when any is not. `--json` prints one JSON document instead.
 */
import type { Command } from 'commander';
import { EXIT, UserError } from '../io/user-error.ts';
import { addSetOption } from './set-option.ts';
import { loadScenario } from '../io/scenario/load.ts';
import { ScenarioError, formatIssue, type ScenarioIssue } from '../io/scenario/errors.ts';
import { addYears, type ResolvedScenario } from '../io/scenario/schema.ts';

/** The outcome of validating one file (the `--json` form). */
export interface ValidationReport {
  readonly file: string;
  readonly ok: boolean;
  /** One-line summary of a valid scenario. */
  readonly summary?: string;
  /** Scenario hash of a valid scenario. */
  readonly hash?: string;
  /** Every problem of an invalid one. */
  readonly issues?: readonly ScenarioIssue[];
}

/** One line describing a valid scenario: name, arms, authorities, period, replicates, hash prefix. */
export function summarise(s: ResolvedScenario): string {
  const end = addYears(s.start, s.horizonYears);
  const arms = s.arms.map((a) => (a.id === s.baseline ? `${a.id} (baseline)` : a.id)).join(', ');
  return `"${s.name}": ${s.arms.length} arm${s.arms.length === 1 ? '' : 's'} [${arms}], ` +
    `${s.authorities.length} authorit${s.authorities.length === 1 ? 'y' : 'ies'}, ${s.start} to ${end} ` +
    `(+${s.warmupYears}y warm-up), ${s.replicates} replicates, seed ${s.seed}, hash ${s.hash.slice(0, 12)}`;
}

/** Validates each file in turn (never stopping at the first invalid one). */
export async function validateFiles(files: readonly string[], set: readonly string[]): Promise<ValidationReport[]> {
  const reports: ValidationReport[] = [];
  for (const file of files) {
    try {
      const s = await loadScenario(file, { set });
      reports.push({ file, ok: true, summary: summarise(s), hash: s.hash });
    } catch (err) {
      if (err instanceof ScenarioError) reports.push({ file, ok: false, issues: err.issues });
      else if (err instanceof UserError) reports.push({ file, ok: false, issues: [{ file, line: 0, column: 0, path: '', message: err.message }] });
      else throw err;
    }
  }
  return reports;
}

/** Registers `cssim validate`. */
export function registerValidate(program: Command): void {
  const cmd = program
    .command('validate')
    .description('check scenario files: print "ok" and a summary per valid file, or every problem with file:line:col')
    .argument('<files...>', 'scenario YAML files')
    .option('--json', 'print one JSON document {ok, files: [{file, ok, summary, hash, issues}]} on stdout');
  addSetOption(cmd).action(async (files: string[], opts: { json?: boolean; set: string[] }) => {
    const reports = await validateFiles(files, opts.set);
    const allOk = reports.every((r) => r.ok);
    if (opts.json) {
      process.stdout.write(`${JSON.stringify({ ok: allOk, files: reports }, null, 2)}\n`);
    } else {
      for (const r of reports) {
        if (r.ok) process.stdout.write(`ok  ${r.file}: ${r.summary}\n`);
        else {
          const n = r.issues?.length ?? 0;
          process.stderr.write(`invalid  ${r.file}: ${n} problem${n === 1 ? '' : 's'}\n`);
          for (const i of r.issues ?? []) process.stderr.write(`  ${formatIssue(i)}\n`);
        }
      }
    }
    if (!allOk) process.exitCode = EXIT.badInput;
  });
  cmd.addHelpText('after', `
Exit codes: 0 every file is valid, 2 a file is invalid or an argument is wrong.
Examples:
  cssim validate scenarios/*.yaml
  cssim validate scenarios/dcs-merge.yaml --set parameters.workforce.caseloadTarget=20 --json`);
}
