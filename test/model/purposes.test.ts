import { describe, expect, it } from 'vitest';
import { deriveStream } from '../../engine/kernel/index.ts';
import { MODEL_PURPOSES, authorityPurpose, modelStream } from '../../engine/model/purposes.ts';

describe('model/purposes', () => {
  it('declares each purpose once', () => {
    expect(new Set(MODEL_PURPOSES).size).toBe(MODEL_PURPOSES.length);
  });

  it('derives authority streams as purpose/authority-id and shared ones by purpose alone', () => {
    expect(authorityPurpose('need-arising', 'leeds')).toBe('need-arising/leeds');
    expect(modelStream(5, 2, 'need-arising', 'leeds').next()).toBe(deriveStream(5, 2, 'need-arising/leeds').next());
    expect(modelStream(5, 2, 'boards').next()).toBe(deriveStream(5, 2, 'boards').next());
  });

  it('gives different authorities different streams', () => {
    expect(modelStream(5, 2, 'need-arising', 'a').next()).not.toBe(modelStream(5, 2, 'need-arising', 'b').next());
  });
});
