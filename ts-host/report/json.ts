import { countBySeverity, type CheckResult } from '../check/result.js';

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
    findings: result.findings.map((finding) => ({
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
    })),
    totals: { ...countBySeverity(result.findings), suppressed: result.suppressedCount },
  };

  return `${JSON.stringify(report, null, 2)}\n`;
}
