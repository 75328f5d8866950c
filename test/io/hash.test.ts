import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../engine/io/hash.ts';

describe('io/hash', () => {
  describe('canonicalJson()', () => {
    it('sorts object keys at every depth and writes no whitespace', () => {
      expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: 'x y' } })).toBe('{"a":{"c":"x y","d":[2,{"e":0,"f":1}]},"b":1}');
    });

    it('gives the same text for objects built in different key orders', () => {
      const a = { x: 1, y: [1, 2], z: { p: true, q: null } };
      const b = { z: { q: null, p: true }, y: [1, 2], x: 1 };
      expect(canonicalJson(a)).toBe(canonicalJson(b));
    });

    it('keeps array order and leaves out undefined members', () => {
      expect(canonicalJson({ a: [3, 1, 2], b: undefined })).toBe('{"a":[3,1,2]}');
    });

    it('escapes strings as JSON does', () => {
      expect(canonicalJson('a"b\n')).toBe(JSON.stringify('a"b\n'));
    });

    it('throws on values JSON cannot represent', () => {
      expect(() => canonicalJson({ a: Number.NaN })).toThrow(/non-finite/);
      expect(() => canonicalJson({ a: Infinity })).toThrow(/non-finite/);
      expect(() => canonicalJson({ a: () => 1 })).toThrow(TypeError);
      expect(() => canonicalJson([undefined])).toThrow(TypeError);
      expect(() => canonicalJson(1n)).toThrow(TypeError);
    });
  });

  describe('sha256Hex()', () => {
    it('matches the published SHA-256 test vector for "abc"', () => {
      expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    });

    it('hashes the UTF-8 bytes of the text', () => {
      expect(sha256Hex('é')).not.toBe(sha256Hex('e'));
      expect(sha256Hex('é')).toMatch(/^[0-9a-f]{64}$/);
    });
  });
});
