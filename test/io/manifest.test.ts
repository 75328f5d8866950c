import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readManifest, writeManifest } from '../../engine/io/manifest.ts';
import type { Manifest } from '../../engine/io/manifest.ts';
import { tinyScenario } from '../runner/fixtures/scenarios.ts';

function sample(): Manifest {
  const resolved = tinyScenario();
  return {
    format: 'cssim-run/1', status: 'complete', resolved, scenarioHash: resolved.hash, scenarioFile: null, seed: resolved.seed,
    replicates: 10, targetReplicates: 10, workers: 2, batchSize: 5, outputFormat: 'csv', cssimVersion: '0.1.0', gitCommit: null,
    generator: { name: 'g', version: 1, seeding: 's' }, node: 'v20', startedAt: '2026-01-01T00:00:00.000Z', endedAt: null,
    timings: null, precision: null, varianceReduction: { partnership: { sw_caseload: 0.1 } }, files: ['manifest.json'],
  };
}

describe('io/manifest', () => {
  it('reads back what it wrote', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cssim-manifest-'));
    const m = sample();
    writeManifest(dir, m);
    expect(readManifest(dir)).toEqual(JSON.parse(JSON.stringify(m)));
  });

  it('returns null for a directory without a manifest', () => {
    expect(readManifest(mkdtempSync(join(tmpdir(), 'cssim-manifest-')))).toBeNull();
  });

  it('rejects a JSON file that is not a run manifest, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cssim-manifest-'));
    writeFileSync(join(dir, 'manifest.json'), '{"format":"other"}');
    expect(() => readManifest(dir)).toThrow(/manifest\.json: not a cssim run manifest/);
    writeFileSync(join(dir, 'manifest.json'), '{oops');
    expect(() => readManifest(dir)).toThrow(/manifest\.json: not valid JSON/);
  });
});
