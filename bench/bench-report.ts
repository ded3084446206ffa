/** One benchmark row: the figure, the target it is held to, and whether it holds. */
export interface BenchRow {
  readonly id: number;
  readonly what: string;
  /** Human-readable figure, e.g. "median 0.41 ms (1.12× bare POST), p99 2.1 ms". */
  readonly figure: string;
  readonly target: string;
  readonly holds: boolean;
  /** The raw numbers, for the JSON file. */
  readonly data: Record<string, number | string | boolean>;
}

/** Prints a row as soon as it is measured. */
export function printRow(row: BenchRow): void {
  console.log(`#${row.id} ${row.what}\n   ${row.figure}\n   target: ${row.target} → ${row.holds ? 'HOLDS' : 'MISSED'}`);
}
