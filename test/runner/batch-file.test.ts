import { describe, it, expect } from 'vitest';
import { encodeBatch, decodeBatch, packReplicate, recordLength } from '../../engine/runner/batch-file.ts';
import type { BatchHeader } from '../../engine/runner/batch-file.ts';
import { OUTCOME_IDS, SERIES_IDS } from '../../engine/model/outcomes.ts';
import { runReplicate } from './fixtures/fake-replicate.ts';
import { tinyScenario } from './fixtures/scenarios.ts';

describe('runner/batch-file', () => {
  it('round-trips every number bit for bit, NaN included', () => {
    const s = tinyScenario();
    const months = s.horizonYears * 12;
    const len = recordLength(months);
    const data = new Float64Array(2 * len);
    const results = [runReplicate(s, 'trust', 3), runReplicate(s, 'trust', 4)];
    results.forEach((r, i) => packReplicate(r, months, data, i * len));
    data[5] = NaN; data[6] = -0; data[7] = 5e-324;
    const header: BatchHeader = { version: 1, hash: s.hash, arm: 'trust', from: 3, to: 5, months, outcomeIds: OUTCOME_IDS, seriesIds: SERIES_IDS, changes: results.map((r) => r.changes), events: [1, 2], elapsedMs: [0.5, 0.25] };
    const back = decodeBatch(encodeBatch(header, data));
    expect(back.header).toEqual(JSON.parse(JSON.stringify(header)));
    expect(Buffer.from(back.data.buffer).equals(Buffer.from(data.buffer))).toBe(true);
  });

  it('decodes from a buffer at any byte offset, and keeps per-replicate CPU times', () => {
    const s = tinyScenario();
    const months = s.horizonYears * 12;
    const data = Float64Array.from({ length: recordLength(months) }, (_, i) => i / 7);
    const header: BatchHeader = { version: 1, hash: s.hash, arm: 'trust', from: 0, to: 1, months, outcomeIds: OUTCOME_IDS, seriesIds: SERIES_IDS, changes: [[]], events: [0], elapsedMs: [2], cpuMs: [1.5] };
    const bytes = encodeBatch(header, data);
    for (const offset of [1, 3, 8]) {
      const shifted = new Uint8Array(bytes.length + offset);
      shifted.set(bytes, offset);
      const back = decodeBatch(shifted.subarray(offset));
      expect(Array.from(back.data)).toEqual(Array.from(data));
      expect(back.header.cpuMs).toEqual([1.5]);
    }
  });

  it('rejects truncated and foreign files with the file name', () => {
    const s = tinyScenario();
    const header: BatchHeader = { version: 1, hash: s.hash, arm: 'a', from: 0, to: 1, months: 12, outcomeIds: OUTCOME_IDS, seriesIds: SERIES_IDS, changes: [[]], events: [0], elapsedMs: [0] };
    const bytes = encodeBatch(header, new Float64Array(recordLength(12)));
    expect(() => decodeBatch(bytes.subarray(0, bytes.length - 8), 'x.bin')).toThrow(/x\.bin: truncated/);
    expect(() => decodeBatch(new TextEncoder().encode('hello world, not a batch'), 'y.bin')).toThrow(/y\.bin: not a cssim batch file/);
  });

  it('names the arm, replicate and series when a monthly series has the wrong length', () => {
    const s = tinyScenario();
    const r = runReplicate(s, 'trust', 0);
    const bad = { ...r, monthly: { ...r.monthly, sw_caseload: new Float64Array(3) } };
    expect(() => packReplicate(bad, 12, new Float64Array(recordLength(12)), 0)).toThrow(/arm trust replicate 0: monthly series sw_caseload has 3 values, expected 12/);
  });
});
