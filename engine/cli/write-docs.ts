/**
 * Writes engine/PARAMETERS.md from the parameter schema (`npm run docs`). Atomic: writes a temporary
 * file next to it, then renames.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parameterReference } from '../model/parameter-docs.ts';

/** Path of the generated parameter reference. */
export const PARAMETERS_MD = fileURLToPath(new URL('../PARAMETERS.md', import.meta.url));

/** Writes the parameter reference to `path` atomically and returns the number of bytes written. */
export function writeParameterReference(path: string = PARAMETERS_MD): number {
  const text = parameterReference();
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, 'utf8');
  renameSync(tmp, path);
  return Buffer.byteLength(text);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const bytes = writeParameterReference();
  process.stdout.write(`wrote ${PARAMETERS_MD} (${bytes} bytes)\n`);
}
