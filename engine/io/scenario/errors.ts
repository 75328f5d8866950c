/**
 * Scenario problems as the user sees them: where (file, line, column, field path) and what to do.
 */
import { UserError, EXIT } from '../user-error.ts';

/**
 * One problem in a scenario.
 *
 * `line` and `column` are 1-based; both are 0 when the problem concerns a whole file (it is missing,
 * too large, not UTF-8). For values given on the command line, `file` is `--set`, `--seed` or
 * `--replicates` and `line` is the position of that option among its kind (1 for the first).
 */
export interface ScenarioIssue {
  /** File the offending text is in (a base file for values inherited through `extends`). */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Field path, dot-separated, list items by 0-based index (`arms.1.structure`); '' for the whole file. */
  readonly path: string;
  /** What is wrong, in a short sentence. */
  readonly message: string;
  /** What the file has there, rendered briefly. */
  readonly found?: string;
  /** What is valid there (a type, a range, the allowed options). */
  readonly expected?: string;
  /** The nearest valid key or option to a misspelt one. */
  readonly suggestion?: string;
}

/** Formats one issue as `file:line:col path: message (found …; expected …; did you mean …?)`. */
export function formatIssue(issue: ScenarioIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
  const what = issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
  const notes: string[] = [];
  if (issue.found !== undefined) notes.push(`found ${issue.found}`);
  if (issue.expected !== undefined) notes.push(`expected ${issue.expected}`);
  if (issue.suggestion !== undefined) notes.push(`did you mean ${issue.suggestion}?`);
  return `${where} ${what}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
}

/** Most issues a `ScenarioError` lists; the rest are counted in a final issue. */
export const MAX_ISSUES = 200;

/**
 * A scenario that cannot be used, with every problem found (never just the first).
 *
 * A `UserError` (exit code 2): the CLI prints the message without a stack trace. The message has one
 * line per issue, in `formatIssue` form, sorted by file, line and column. Beyond `MAX_ISSUES` the
 * rest are summarised in one last issue (line 0).
 */
export class ScenarioError extends UserError {
  /** Every problem found; at least one. */
  readonly issues: readonly ScenarioIssue[];

  constructor(issues: readonly ScenarioIssue[]) {
    let sorted = sortIssues(issues);
    if (sorted.length > MAX_ISSUES) {
      const more = sorted.length - MAX_ISSUES;
      sorted = [...sorted.slice(0, MAX_ISSUES), { file: sorted[MAX_ISSUES].file, line: 0, column: 0, path: '', message: `... and ${more} more problem${more === 1 ? '' : 's'} (fix those above first)` }];
    }
    super(sorted.map(formatIssue).join('\n'), EXIT.badInput);
    this.name = 'ScenarioError';
    this.issues = Object.freeze(sorted);
  }
}

/** Sorts issues by file (in order of first appearance, command-line options last), then line and column; drops exact duplicates. */
export function sortIssues(issues: readonly ScenarioIssue[]): ScenarioIssue[] {
  const fileOrder = new Map<string, number>();
  // files in order of first appearance, command-line options (--set, --seed...) after every file
  for (const i of issues) if (!fileOrder.has(i.file) && !i.file.startsWith('--')) fileOrder.set(i.file, fileOrder.size);
  for (const i of issues) if (!fileOrder.has(i.file)) fileOrder.set(i.file, fileOrder.size);
  const seen = new Set<string>();
  const unique = issues.filter((i) => {
    const key = formatIssue(i);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique
    .map((issue, index) => ({ issue: withoutUndefined(issue), index }))
    .sort((a, b) =>
      (fileOrder.get(a.issue.file) ?? 0) - (fileOrder.get(b.issue.file) ?? 0) ||
      a.issue.line - b.issue.line ||
      a.issue.column - b.issue.column ||
      a.index - b.index)
    .map((x) => x.issue);
}

/** A copy of an issue without members that are undefined (so JSON and equality checks stay clean). */
function withoutUndefined(issue: ScenarioIssue): ScenarioIssue {
  return Object.fromEntries(Object.entries(issue).filter(([, v]) => v !== undefined)) as unknown as ScenarioIssue;
}
