import { countBySeverity, type CheckResult } from '../check/result.js';
import { compareFindings } from '../findings/collect.js';
import type { Finding } from '../findings/finding.js';

/** Version of the JSON report format; raised when a field changes meaning or is removed. */
export const jsonReportVersion = 1;

/**
 * Formats the result as the JSON report described in docs/report-format.md. Keys are
 * written in a fixed order and paths are relative, so the output is byte-for-byte stable.
 */
export function formatJson(result: CheckResult, toolVersion: string): string {
  const report = {
    version: jsonReportVersion,
    tool: { name: 'oqjob', version: toolVersion },
    target: result.target,
    failOn: result.failOn,
    build: {
      succeeded: result.build.succeeded,
      exitCode: result.build.exitCode,
      complete: result.build.complete,
      compiledProjects: result.build.compiledProjects,
      compilerErrors: result.build.compilerErrors.map((error) => ({
        code: error.code,
        message: error.message,
        file: error.file ?? null,
        line: error.line ?? null,
        column: error.column ?? null,
        project: error.project,
      })),
      errorLines: result.build.errorLines,
      logProblems: result.build.logProblems,
    },
    findings: reportedFindings(result).map(({ finding, state }) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      file: finding.file,
      line: finding.line,
      column: finding.column,
      endLine: finding.endLine,
      endColumn: finding.endColumn,
      symbol: finding.symbol ?? null,
      member: finding.member ?? null,
      project: finding.project,
      ...(state === undefined ? {} : { baselineState: state }),
    })),
    ...(result.baseline
      ? {
          baseline: {
            file: result.baseline.file,
            stale: result.baseline.stale.map((entry) => ({ ruleId: entry.rule, file: entry.file, symbol: entry.symbol, member: entry.member, message: entry.message })),
            expired: result.baseline.expired.map(({ finding, expires }) => ({ ruleId: finding.ruleId, file: finding.file, line: finding.line, expires })),
          },
        }
      : {}),
    totals: {
      ...countBySeverity(result.findings),
      suppressed: result.suppressedCount,
      ...(result.baseline ? { unchanged: result.baseline.unchanged.length, stale: result.baseline.stale.length } : {}),
    },
  };

  return `${JSON.stringify(report, null, 2)}\n`;
}

/** With a baseline, the new and the unchanged findings in one sorted list, each with its state. */
function reportedFindings(result: CheckResult): Array<{ finding: Finding; state: 'new' | 'unchanged' | undefined }> {
  if (!result.baseline) {
    return result.findings.map((finding) => ({ finding, state: undefined }));
  }

  return [
    ...result.findings.map((finding) => ({ finding, state: 'new' as const })),
    ...result.baseline.unchanged.map((finding) => ({ finding, state: 'unchanged' as const })),
  ].sort((a, b) => compareFindings(a.finding, b.finding));
}
