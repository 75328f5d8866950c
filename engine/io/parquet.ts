/**
 * Parquet copies of the result tables, through DuckDB (@duckdb/node-api, loaded only when asked for).
 * Same columns as the CSV files, with explicit types; written to a temporary file and renamed.
 */
import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** DuckDB type of every column name used in the result tables (unknown columns are read as text). */
const COLUMN_TYPES: Readonly<Record<string, string>> = {
  arm: 'VARCHAR', baseline: 'VARCHAR', metric: 'VARCHAR', authority: 'VARCHAR', structure: 'VARCHAR', cause: 'VARCHAR',
  date: 'DATE', replicate: 'INTEGER', month: 'INTEGER', n: 'INTEGER',
  value: 'DOUBLE', mean: 'DOUBLE', sd: 'DOUBLE', ci_low: 'DOUBLE', ci_high: 'DOUBLE', p05: 'DOUBLE', p50: 'DOUBLE', p95: 'DOUBLE',
  mean_diff: 'DOUBLE', prob_better: 'DOUBLE',
};

function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * Converts CSV files (written by `CsvWriter`, header first) to Parquet files next to them
 * (`x.csv` → `x.parquet`), zstd-compressed, empty cells as NULL.
 * @returns the Parquet paths, in the order given.
 */
export async function csvToParquet(csvPaths: readonly { path: string; columns: readonly string[] }[]): Promise<string[]> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const written: string[] = [];
  try {
    for (const { path, columns } of csvPaths) {
      const out = path.replace(/\.csv$/, '.parquet');
      const tmp = join(dirname(out), `.${basename(out)}.tmp-${process.pid}`);
      const cols = columns.map((c) => `${sqlString(c)}: ${sqlString(COLUMN_TYPES[c] ?? 'VARCHAR')}`).join(', ');
      try {
        await con.run(
          `COPY (SELECT * FROM read_csv(${sqlString(path)}, header = true, auto_detect = false, columns = {${cols}})) ` +
          `TO ${sqlString(tmp)} (FORMAT parquet, COMPRESSION zstd)`,
        );
        renameSync(tmp, out);
      } catch (err) {
        rmSync(tmp, { force: true });
        throw err;
      }
      written.push(out);
    }
  } finally {
    con.closeSync();
    instance.closeSync();
  }
  return written;
}
