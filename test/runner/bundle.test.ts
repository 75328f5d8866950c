import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../engine/io/scenario/load.ts';
import { runReplicate } from '../../engine/replicate.ts';
import { ensureWorkerBundle } from '../../engine/runner/bundle.ts';
import { digestReplicates } from './fixtures/bundle-digest.mjs';
import { tempDirs } from './fixtures/temp-dirs.ts';

const small = fileURLToPath(new URL('./fixtures/small-model.yaml', import.meta.url));
const tmp = tempDirs('cssim-bundle-');
const digestScript = fileURLToPath(new URL('./fixtures/bundle-digest.mjs', import.meta.url));

describe('runner/bundle', () => {
  it('the worker bundle, with the V8 settings it applies, computes bit for bit what the engine computes through tsx', async () => {
    const resolved = await loadScenario(small);
    const file = join(tmp(), 'resolved.json');
    writeFileSync(file, JSON.stringify(resolved));
    // 15 replicates of each arm: enough for V8 to optimise the handlers with the raised inlining budget
    const child = spawnSync(process.execPath, [digestScript, await ensureWorkerBundle(), file, '15'], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(child.stdout.trim()).toBe(digestReplicates(runReplicate, resolved, 15));
  }, 120_000);
});
