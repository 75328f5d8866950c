/**
 * CSV output: RFC 4180 quoting, `\n` line ends, a header row, and numbers written with a fixed,
 * round-trip-exact format, so the same values always give the same bytes.
 */
import { AtomicFileWriter } from './atomic-write.ts';

/**
 * Formats a number for CSV: the shortest decimal that reads back to exactly the same double
 * (ECMAScript `Number.prototype.toString`, identical on every platform), `-0` as `0`, and
 * NaN / ±Infinity / null as an empty field (a missing value).
 *
 * @example formatNumber(0.1 + 0.2) === '0.30000000000000004'; formatNumber(NaN) === ''
 */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  if (x === 0) return '0';
  return String(x);
}

/** Quotes a text field when it holds a comma, a quote or a line break (quotes doubled). */
export function formatText(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV cell: numbers through `formatNumber`, strings through `formatText`, null as empty. */
export type CsvCell = string | number | null | undefined;

/** Formats one row (without the line end). */
export function formatRow(cells: readonly CsvCell[]): string {
  let out = '';
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (i > 0) out += ',';
    out += typeof c === 'string' ? formatText(c) : formatNumber(c);
  }
  return out;
}

/**
 * Writes a CSV file row by row and publishes it atomically on `commit()`.
 * Every row must have as many cells as the header.
 */
export class CsvWriter {
  private readonly file: AtomicFileWriter;
  /** Data rows written so far (header excluded). */
  rows = 0;

  /**
   * @param options.header write the header row (default true); false for a part of a table, to be
   * appended to the table's writer with `appendRows`.
   */
  constructor(
    readonly path: string,
    readonly columns: readonly string[],
    options: { readonly header?: boolean } = {},
  ) {
    this.file = new AtomicFileWriter(path);
    if (options.header !== false) this.file.write(formatRow(columns) + '\n');
  }

  /** Appends one data row. */
  row(cells: readonly CsvCell[]): void {
    if (cells.length !== this.columns.length) {
      throw new Error(`CsvWriter ${this.path}: row has ${cells.length} cells, header has ${this.columns.length}`);
    }
    this.file.write(formatRow(cells) + '\n');
    this.rows += 1;
  }

  /**
   * Appends the rows of `part` (a writer of the same columns opened with `header: false`, not
   * committed) after the rows written so far, and discards `part`.
   */
  appendRows(part: CsvWriter): void {
    if (part.columns.join(',') !== this.columns.join(',')) throw new Error(`CsvWriter ${this.path}: cannot append rows with columns ${part.columns.join(',')}`);
    this.file.appendFrom(part.file);
    this.rows += part.rows;
  }

  /** Publishes the file. */
  commit(): void {
    this.file.commit();
  }

  /** Discards the file. */
  abort(): void {
    this.file.abort();
  }
}

/**
 * Parses CSV text written by `CsvWriter` (RFC 4180 quoting) into rows of strings, header first.
 * For tests and small files; large files should be streamed.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}
