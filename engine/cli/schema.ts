/**
 * `cssim schema [--out FILE]`: prints the JSON Schema of scenario files (for editors), or writes it
 * atomically to FILE. `scenarios/scenario.schema.json` is this output, committed.
 */
import type { Command } from 'commander';
import { atomicWriteFile } from '../io/atomic-write.ts';
import { scenarioJsonSchema } from '../io/scenario/json-schema.ts';

/** The JSON Schema as written by `cssim schema`: two-space indented, with a final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

/** Registers `cssim schema`. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of scenario files (for editor completion and checking)')
    .option('--out <file>', 'write it to FILE (atomically) instead of stdout')
    .action((opts: { out?: string }) => {
      const text = scenarioJsonSchemaText();
      if (opts.out !== undefined) {
        atomicWriteFile(opts.out, text);
        process.stderr.write(`wrote ${opts.out}\n`);
      } else process.stdout.write(text);
    })
    .addHelpText('after', `
Examples:
  cssim schema > scenario.schema.json
  cssim schema --out scenarios/scenario.schema.json

Editors: put "# yaml-language-server: $schema=./scenario.schema.json" on the first line of a scenario
(VS Code with the Red Hat YAML extension), or map scenarios/*.yaml to the schema in the editor settings.
Regenerate the committed copy: cssim schema --out scenarios/scenario.schema.json`);
}
