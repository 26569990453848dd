import path from 'node:path';
import type { CompileManifest, CompilerResult } from '../sarif/compiler-log.js';
import type { CompilerError, Finding } from './finding.js';

export interface CompiledLog {
  manifest: CompileManifest;
  results: CompilerResult[];
}

export interface CollectedFindings {
  findings: Finding[];
  compilerErrors: CompilerError[];
  /** oqjob diagnostics suppressed in source (#pragma, SuppressMessage), left out of the findings. */
  suppressed: Finding[];
  suppressedCount: number;
}

const ruleIdPattern = /^OQJ\d{4}$/;

/**
 * Turns the results of every compiler log into findings: keeps oqjob's diagnostics and
 * the compiler's errors, makes paths relative to `root`, drops the duplicates that arise
 * when one file is compiled by several projects or target frameworks, and sorts.
 */
export function collectFindings(logs: CompiledLog[], root: string): CollectedFindings {
  const findings = new Map<string, Finding>();
  const compilerErrors = new Map<string, CompilerError>();
  const suppressed = new Map<string, Finding>();

  // Many results share a file, and path.relative is costly at a hundred thousand findings.
  const relativePaths = new Map<string, string>();
  const relativeTo = (file: string) => {
    let relative = relativePaths.get(file);
    if (relative === undefined) {
      relative = toRelative(file, root);
      relativePaths.set(file, relative);
    }

    return relative;
  };

  for (const { manifest, results } of logs) {
    const project = toRelative(manifest.project, root);
    for (const result of results) {
      if (ruleIdPattern.test(result.ruleId)) {
        const finding = toFinding(result, project, relativeTo);
        const key = findingKey(finding);
        if (result.suppressed) {
          if (!suppressed.has(key)) {
            suppressed.set(key, finding);
          }

          continue;
        }

        if (!findings.has(key)) {
          findings.set(key, finding);
        }
      } else if (result.level === 'error') {
        const error = toCompilerError(result, project, root);
        const key = `${error.code}|${error.file}|${error.line}|${error.column}|${error.message}`;
        if (!compilerErrors.has(key)) {
          compilerErrors.set(key, error);
        }
      }
    }
  }

  return {
    findings: [...findings.values()].sort(compareFindings),
    compilerErrors: [...compilerErrors.values()].sort(compareLocations),
    suppressed: [...suppressed.values()].sort(compareFindings),
    suppressedCount: suppressed.size,
  };
}

/** Returns the identity used to drop duplicates: the same rule, place and message. */
function findingKey(finding: Finding): string {
  return [finding.ruleId, finding.file, finding.line, finding.column, finding.endLine, finding.endColumn, finding.message].join('|');
}

function toFinding(result: CompilerResult, project: string, relativeTo: (file: string) => string): Finding {
  const line = result.startLine ?? 1;
  const column = result.startColumn ?? 1;
  return {
    ruleId: result.ruleId,
    // The level is the compiler's: the rule's default, or the severity configured for it.
    severity: result.level,
    message: result.message,
    file: result.file ? relativeTo(result.file) : project,
    line,
    column,
    endLine: result.endLine ?? line,
    endColumn: result.endColumn ?? column,
    symbol: result.properties.OqjobSymbol,
    member: result.properties.OqjobMember,
    project,
  };
}

function toCompilerError(result: CompilerResult, project: string, root: string): CompilerError {
  return {
    code: result.ruleId,
    message: result.message,
    file: result.file ? toRelative(result.file, root) : undefined,
    line: result.startLine,
    column: result.startColumn,
    project,
  };
}

/**
 * Returns the path relative to root with forward slashes, whatever the platform wrote. A
 * Windows path (drive letter, either slash) is compared as Windows compares paths, so a log
 * written on Windows gives the same relative paths on any machine.
 */
export function toRelative(file: string, root: string): string {
  const windows = /^[A-Za-z]:[\\/]/;
  if (windows.test(file) && windows.test(root)) {
    return path.win32.relative(root, file).split('\\').join('/');
  }

  const normalised = file.replace(/\\/g, '/');
  const relative = path.posix.isAbsolute(normalised) || windows.test(normalised)
    ? path.relative(root, file)
    : normalised;
  return relative.split(path.sep).join('/');
}

export function compareFindings(a: Finding, b: Finding): number {
  return compareText(a.file, b.file)
    || a.line - b.line
    || a.column - b.column
    || compareText(a.ruleId, b.ruleId)
    || compareText(a.message, b.message);
}

function compareLocations(a: CompilerError, b: CompilerError): number {
  return compareText(a.file ?? '', b.file ?? '')
    || (a.line ?? 0) - (b.line ?? 0)
    || (a.column ?? 0) - (b.column ?? 0)
    || compareText(a.code, b.code);
}

// Ordinal comparison, so the order is the same on every machine and locale.
function compareText(a: string, b: string): number {
  if (a < b) {
    return -1;
  }

  return a > b ? 1 : 0;
}
