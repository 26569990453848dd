import { describeEntryPlace } from '../baseline/baseline-file.js';
import { countBySeverity, type CheckResult } from '../check/result.js';
import type { Finding, Severity } from '../findings/finding.js';

export interface TextReportOptions {
  color: boolean;
  /** Also list the findings that the baseline accepts. */
  showBaselined?: boolean;
}

const colorCodes: Record<Severity | 'dim' | 'bold', string> = {
  error: '31',
  warning: '33',
  note: '36',
  none: '37',
  dim: '2',
  bold: '1',
};

/**
 * Formats the result for people: one line per finding ("path:line:column  severity  ID
 * message"), grouped by file, then the totals and the state of the build.
 */
export function formatText(result: CheckResult, options: TextReportOptions): string {
  const paint = (code: keyof typeof colorCodes, text: string): string =>
    options.color ? `\x1b[${colorCodes[code]}m${text}\x1b[0m` : text;
  const lines: string[] = [];

  let currentFile: string | undefined;
  for (const finding of result.findings) {
    if (currentFile !== undefined && finding.file !== currentFile) {
      lines.push('');
    }

    currentFile = finding.file;
    lines.push(formatFinding(finding, paint));
  }

  if (result.findings.length > 0) {
    lines.push('');
  }

  lines.push(...formatBaseline(result, options, paint));
  lines.push(...formatBuildProblems(result, paint));
  lines.push(paint('bold', formatTotals(result)));
  return `${lines.join('\n')}\n`;
}

function formatFinding(finding: Finding, paint: (code: keyof typeof colorCodes, text: string) => string): string {
  const place = `${finding.file}:${finding.line}:${finding.column}`;
  return `${place}  ${paint(finding.severity, finding.severity.padEnd(7))}  ${paint('dim', finding.ruleId)}  ${finding.message}`;
}

function formatBaseline(result: CheckResult, options: TextReportOptions, paint: (code: keyof typeof colorCodes, text: string) => string): string[] {
  const baseline = result.baseline;
  if (!baseline) {
    return [];
  }

  const lines: string[] = [];
  for (const { finding, expires } of baseline.expired) {
    lines.push(paint('warning', `${finding.file}:${finding.line}:${finding.column}  ${finding.ruleId} is new because its baseline entry expired on ${expires}.`));
  }

  if (options.showBaselined && baseline.unchanged.length > 0) {
    lines.push(`Accepted by the baseline ${baseline.file}:`);
    lines.push(...baseline.unchanged.map((finding) => `  ${formatFinding(finding, paint)}`));
  }

  if (baseline.stale.length > 0) {
    const verb = baseline.stale.length === 1 ? 'matches' : 'match';
    const strict = result.strictBaseline ? ' With --strict-baseline this fails the run.' : '';
    lines.push(paint(result.strictBaseline ? 'error' : 'warning', `${plural(baseline.stale.length, 'baseline entry', 'baseline entries')} in ${baseline.file} ${verb} no finding any more (fixed, or the code changed).${strict}`));
    lines.push(...baseline.stale.map((entry) => `  ${entry.file}  ${entry.rule}  ${describeEntryPlace(entry)}`));
    lines.push(`  Remove ${baseline.stale.length === 1 ? 'it' : 'them'} with: ${baseline.pruneCommand ?? 'oqjob baseline --prune'}`);
  }

  if (lines.length > 0) {
    lines.push('');
  }

  return lines;
}

function formatBuildProblems(result: CheckResult, paint: (code: keyof typeof colorCodes, text: string) => string): string[] {
  const build = result.build;
  if (build.complete) {
    return [];
  }

  const lines: string[] = [];
  if (!build.succeeded) {
    lines.push(paint('error', `The build failed (dotnet exited with code ${build.exitCode}), so the analysis may be incomplete.`));
  } else if (build.compilerErrors.length > 0) {
    lines.push(paint('warning', 'Some code did not compile, so the analysis may be incomplete.'));
  } else {
    lines.push(paint('error', 'Part of the analysis did not run, so findings may be missing.'));
  }

  for (const error of build.compilerErrors.slice(0, 10)) {
    const place = error.file ? `${error.file}:${error.line ?? 1}:${error.column ?? 1}  ` : '';
    lines.push(`  ${place}${error.code}  ${error.message}`);
  }

  if (build.compilerErrors.length > 10) {
    lines.push(`  ... and ${build.compilerErrors.length - 10} more compiler errors`);
  }

  const shownErrors = build.compilerErrors.length > 0 ? [] : build.errorLines;
  for (const line of shownErrors) {
    lines.push(`  ${line}`);
  }

  if (shownErrors.length > 0 && build.omittedErrorLines > 0) {
    lines.push(`  ... ${build.omittedErrorLines} more error lines cut; run "dotnet build" on the same path for the full output`);
  }

  for (const problem of build.logProblems) {
    lines.push(`  ${problem}`);
  }

  lines.push('');
  return lines;
}

export function formatTotals(result: CheckResult): string {
  const totals = countBySeverity(result.findings);
  const parts = [
    plural(totals.error, 'error'),
    plural(totals.warning, 'warning'),
    plural(totals.note, 'note'),
  ];
  const suppressed = result.suppressedCount > 0 ? `, ${result.suppressedCount} suppressed in source` : '';
  const baseline = result.baseline ? `, ${result.baseline.unchanged.length} accepted by the baseline` : '';
  const projects = result.build.compiledProjects.length;
  const noun = result.baseline ? 'new finding' : 'finding';
  return `${plural(result.findings.length, noun)} (${parts.join(', ')})${baseline}${suppressed} in ${plural(projects, 'compiled project')} of ${result.target}`;
}

/** Returns "1 finding" or "2 findings"; `nouns` gives an irregular plural. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
