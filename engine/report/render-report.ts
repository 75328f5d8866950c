/**
 * TEMPORARY STUB written by the lead: the reports work replaces it.
 * Contract: renders `report.html` and `charts/*.svg|png` for a finished run directory.
 */
export interface ReportOptions {
  /** Path of the HTML file to write; default `<runDir>/report.html`. */
  readonly out?: string;
}

/** What a report render wrote. */
export interface ReportFiles {
  readonly html: string;
  readonly charts: readonly string[];
}

/** Renders the report of a run directory. */
export async function renderReport(runDir: string, opts: ReportOptions = {}): Promise<ReportFiles> {
  void runDir; void opts;
  throw new Error('renderReport: not implemented yet');
}
