/**
 * The repeatable `--set path=value` option shared by `validate` and `run`.
 */
import { InvalidArgumentError, type Command } from 'commander';

/**
 * Commander accumulator for `--set`: appends one `path=value` argument to those seen so far.
 *
 * Rejects an argument without `=` or with an empty path straight away; whether the path exists and
 * the value is valid is checked when the scenario is loaded (`loadScenario`'s `set` option).
 *
 * @example program.option('--set <path=value>', 'override a field', collectSet, [])
 */
export function collectSet(value: string, previous: string[]): string[] {
  const eq = value.indexOf('=');
  if (eq <= 0 || value.slice(0, eq).trim() === '') {
    throw new InvalidArgumentError(`"${value}" is not of the form path=value (e.g. parameters.workforce.caseloadTarget=18)`);
  }
  return [...(previous ?? []), value];
}

/** Help text of `--set`, the same on every command that takes it. */
export const SET_HELP =
  'override a scenario field, repeatable: parameters.workforce.caseloadTarget=18, arms.partnership.structure=dcs-merge ' +
  '(list items by id or 0-based index; values parsed as YAML)';

/** Adds the `--set <path=value>` option to a command (default: no overrides). */
export function addSetOption(command: Command): Command {
  return command.option('--set <path=value>', SET_HELP, collectSet, [] as string[]);
}
