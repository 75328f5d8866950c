/**
 * Canonical JSON and SHA-256: how scenarios and results are identified.
 *
 * The same value always gives the same text whatever the key order it was built in, so a hash of
 * it identifies content, not formatting.
 */
import { createHash } from 'node:crypto';

/**
 * Serialises a JSON-like value with object keys sorted (UTF-16 code unit order) and no whitespace.
 *
 * Arrays keep their order; `undefined` object members are left out (as `JSON.stringify` does).
 * Throws a `TypeError` for what JSON cannot represent faithfully: non-finite numbers, bigints,
 * functions, symbols, and `undefined` in an array or at the top level.
 *
 * @example canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, where: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number at ${where}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return `[${value.map((v, i) => {
          if (v === undefined) throw new TypeError(`canonicalJson: undefined at ${where}[${i}]`);
          return write(v, `${where}[${i}]`);
        }).join(',')}]`;
      }
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${write(obj[k], `${where}.${k}`)}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: cannot serialise a ${typeof value} at ${where}`);
  }
}

/** SHA-256 of the UTF-8 bytes of `text`, as 64 lower-case hex digits. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
