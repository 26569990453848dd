import type { BaselineOutcome } from '../baseline/apply.js';
import type { CompilerError, Finding, Severity } from '../findings/finding.js';

/** Outcome of the dotnet build that carried the analysis. */
export interface BuildOutcome {
  succeeded: boolean;
  exitCode: number;
  /** False when some project was not compiled or analysed, so findings may be missing. */
  complete: boolean;
  /** Projects compiled and analysed, one entry per target framework. */
  compiledProjects: Array<{ project: string; targetFramework: string }>;
  /** Compiler errors from the logs. */
  compilerErrors: CompilerError[];
  /** Error lines of the build output (restore, MSBuild) that no compiler log contains, capped. */
  errorLines: string[];
  /** Number of error lines left out of errorLines. */
  omittedErrorLines: number;
  /** Problems with compiler logs that were expected and could not be read. */
  logProblems: string[];
}

export interface CheckResult {
  /** Absolute path of the checked folder, the base of every relative path in the result. */
  root: string;
  /** The solution or project checked, relative to the checked folder. */
  target: string;
  /** The findings to report: with a baseline, only the new ones. */
  findings: Finding[];
  /** The baseline's matches and stale entries, when a baseline was applied. */
  baseline?: BaselineOutcome;
  /** With --strict-baseline, stale baseline entries make the run fail. */
  strictBaseline?: boolean;
  /** Findings suppressed in source, kept for reports that list them for audits. */
  suppressed: Finding[];
  suppressedCount: number;
  build: BuildOutcome;
  failOn: Severity;
}

export type SeverityTotals = Record<Severity, number>;

export function countBySeverity(findings: Finding[]): SeverityTotals {
  const totals: SeverityTotals = { error: 0, warning: 0, note: 0, none: 0 };
  for (const finding of findings) {
    totals[finding.severity]++;
  }

  return totals;
}
