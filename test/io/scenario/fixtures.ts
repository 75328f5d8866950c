/** Shared test inputs for the scenario loader tests. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenarioText, type LoadOptions } from '../../../engine/io/scenario/load.ts';
import { ScenarioError, type ScenarioIssue } from '../../../engine/io/scenario/errors.ts';

/** A small valid scenario; line numbers in tests refer to this text. */
export const VALID = `name: Test scenario
seed: 7
start: 2020-04-01
horizonYears: 5
authorities:
  - id: north
    name: North
    childPopulation: 50000
arms:
  - id: base
    name: Base
    structure: status-quo
  - id: alt
    name: Alternative
    structure: partnership
    changes:
      - date: 2021-04-01
        structure: dcs-merge
baseline: base
`;

/** The issues `loadScenarioText` reports for `text`; fails the test if it loads or throws anything else. */
export async function issuesOf(text: string, opts: LoadOptions = {}, file = 'test.yaml'): Promise<readonly ScenarioIssue[]> {
  try {
    await loadScenarioText(text, file, opts);
  } catch (err) {
    if (err instanceof ScenarioError) return err.issues;
    throw err;
  }
  throw new Error('expected a ScenarioError, but the scenario loaded');
}

/** Writes files into a fresh temporary directory and returns its path. */
export function tempFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cssim-scenario-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** `text` with line `n` (1-based) replaced. */
export function replaceLine(text: string, n: number, line: string): string {
  const lines = text.split('\n');
  lines[n - 1] = line;
  return lines.join('\n');
}
