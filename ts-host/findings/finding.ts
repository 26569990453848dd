export type Severity = 'error' | 'warning' | 'note' | 'none';

/** Severities from most to least severe. */
export const severities: readonly Severity[] = ['error', 'warning', 'note', 'none'];

/** Returns true when `severity` is at least as severe as `threshold`. */
export function isAtLeast(severity: Severity, threshold: Severity): boolean {
  return severities.indexOf(severity) <= severities.indexOf(threshold);
}

/** One oqjob diagnostic, after deduplication, with a path relative to the checked folder. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Relative to the checked folder, with forward slashes. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Fully qualified name of the type that contains the finding. */
  symbol: string | undefined;
  /** Name of the member that contains the finding, when there is one. */
  member: string | undefined;
  /** The project that reported it first, relative to the checked folder. */
  project: string;
}

/** A compiler error (not an oqjob finding), shown because it makes the analysis incomplete. */
export interface CompilerError {
  code: string;
  message: string;
  file: string | undefined;
  line: number | undefined;
  column: number | undefined;
  project: string;
}
