/**
 * The batch file: the results of replicates [from, to) of one arm, as written to
 * `<run>/.batches/<arm>-<from>-<to>.bin`. Binary so that numbers round-trip exactly and a batch of a
 * 10-year run stays small.
 *
 * Layout: the 8 bytes `CSSIMBT1`, a little-endian uint32 header length, the header as UTF-8 JSON
 * (`BatchHeader`), zero padding to a multiple of 8 bytes, then `to - from` records of float64
 * (little-endian): every outcome in `header.outcomeIds` order, then every series in `header.seriesIds`
 * order, `header.months` values each. NaN means "no value".
 */
import { OUTCOME_IDS, SERIES_IDS } from '../model/outcomes.ts';
import type { ReplicateResult, ChangeRecord } from '../replicate.ts';

const MAGIC = 'CSSIMBT1';

/** Metadata of a batch file (the JSON header). */
export interface BatchHeader {
  readonly version: 1;
  readonly hash: string;
  readonly arm: string;
  readonly from: number;
  readonly to: number;
  readonly months: number;
  readonly outcomeIds: readonly string[];
  readonly seriesIds: readonly string[];
  /** Structural changes per replicate. */
  readonly changes: readonly (readonly ChangeRecord[])[];
  /** Kernel events per replicate. */
  readonly events: readonly number[];
  /** Wall time of each replicate in ms (not part of any result file: timings only). */
  readonly elapsedMs: readonly number[];
  /**
   * CPU time of the worker thread in each replicate, ms (timings only). Absent in files written before
   * it was recorded, and null where the platform cannot measure a thread's CPU time (see thread-cpu.ts).
   */
  readonly cpuMs?: readonly (number | null)[];
}

/** A decoded batch: header plus one float64 record per replicate. */
export interface Batch {
  readonly header: BatchHeader;
  /** Doubles per record: outcomes + series * months. */
  readonly recordLength: number;
  readonly data: Float64Array;
}

/** Doubles per replicate record for a horizon of `months`. */
export function recordLength(months: number): number {
  return OUTCOME_IDS.length + SERIES_IDS.length * months;
}

/**
 * Packs one replicate's outcomes and monthly series into `out` at `offset` in the batch record layout.
 * Throws naming the arm, replicate and series when a series has the wrong length.
 */
export function packReplicate(r: ReplicateResult, months: number, out: Float64Array, offset: number): void {
  let j = offset;
  for (const id of OUTCOME_IDS) {
    const v = r.outcomes[id];
    out[j++] = typeof v === 'number' ? v : NaN;
  }
  for (const id of SERIES_IDS) {
    const series = r.monthly[id];
    if (series === undefined) {
      out.fill(NaN, j, j + months);
    } else {
      if (series.length !== months) {
        throw new Error(`arm ${r.arm} replicate ${r.replicate}: monthly series ${id} has ${series.length} values, expected ${months}`);
      }
      out.set(series, j);
    }
    j += months;
  }
}

/** True when this platform stores numbers little-endian, as the file does: records are then copied, not converted. */
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/** Encodes a batch to bytes. */
export function encodeBatch(header: BatchHeader, data: Float64Array): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerEnd = 12 + json.length;
  const dataStart = Math.ceil(headerEnd / 8) * 8;
  const bytes = new Uint8Array(dataStart + data.length * 8);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(8, json.length, true);
  bytes.set(json, 12);
  if (LITTLE_ENDIAN) {
    bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), dataStart);
  } else {
    const view = new DataView(bytes.buffer, dataStart);
    for (let i = 0; i < data.length; i++) view.setFloat64(i * 8, data[i], true);
  }
  return bytes;
}

/** Decodes a batch file's bytes; throws a clear error on a truncated or foreign file. */
export function decodeBatch(bytes: Uint8Array, name = 'batch file'): Batch {
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) {
    throw new Error(`${name}: not a cssim batch file`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerLength = view.getUint32(8, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as BatchHeader;
  const dataStart = Math.ceil((12 + headerLength) / 8) * 8;
  const len = recordLength(header.months);
  const count = header.to - header.from;
  if (bytes.length !== dataStart + count * len * 8) throw new Error(`${name}: truncated (${bytes.length} bytes)`);
  let data: Float64Array;
  if (LITTLE_ENDIAN) {
    // a copy: aligned whatever the offset of `bytes`, and independent of the caller's buffer
    data = new Float64Array(bytes.buffer.slice(bytes.byteOffset + dataStart, bytes.byteOffset + bytes.length));
  } else {
    data = new Float64Array(count * len);
    for (let i = 0; i < data.length; i++) data[i] = view.getFloat64(dataStart + i * 8, true);
  }
  return { header, recordLength: len, data };
}
