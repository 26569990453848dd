import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type * as Sarif from 'sarif';
import { UserError } from '../errors.js';

/** One compile of one project for one target framework, as the injected targets recorded it. */
export interface CompileManifest {
  project: string;
  targetFramework: string;
  assemblyName: string;
  /** Absolute path of the SARIF log that the injected targets set as the error log, in the project's obj folder. */
  logPath: string;
  /** The project as messages name it: relative to the checked folder. Defaults to `project`. */
  displayName?: string;
  /** The log as messages name it: relative to the checked folder. Defaults to `logPath`. */
  displayLogPath?: string;
  /** Absolute path of the manifest file, written by this run just before the compile. */
  manifestPath: string;
}

/** One diagnostic from a compiler log, with only the fields oqjob uses. */
export interface CompilerResult {
  ruleId: string;
  level: 'error' | 'warning' | 'note' | 'none';
  message: string;
  /** Absolute path of the source file, when the diagnostic has one. */
  file: string | undefined;
  startLine: number | undefined;
  startColumn: number | undefined;
  endLine: number | undefined;
  endColumn: number | undefined;
  /** The diagnostic's custom properties (oqjob's carry the symbol and the severity). */
  properties: Record<string, string>;
  /**
   * True when suppressed by the user (#pragma, SuppressMessage, a suppressor of their own).
   * oqjob's own host-mode suppression, which only keeps an error from failing the compile,
   * does not count.
   */
  suppressed: boolean;
}

// A compiler log larger than this is not read: no real project comes close, and reading
// it whole could exhaust memory.
export const maxLogBytes = 256 * 1024 * 1024;

/** Reads every manifest that the injected targets wrote, sorted by project and target framework. */
export async function readManifests(logDirectory: string): Promise<CompileManifest[]> {
  const names = (await readdir(logDirectory)).filter((name) => name.endsWith('.manifest')).sort();
  const manifests = await Promise.all(names.map((name) => readManifest(path.join(logDirectory, name))));
  return manifests.sort((a, b) => a.project.localeCompare(b.project) || a.targetFramework.localeCompare(b.targetFramework));
}

async function readManifest(file: string): Promise<CompileManifest> {
  const fields = new Map<string, string>();
  for (const line of (await readFile(file, 'utf8')).split(/\r?\n/)) {
    const separator = line.indexOf('=');
    if (separator > 0) {
      fields.set(line.slice(0, separator), line.slice(separator + 1));
    }
  }

  const project = fields.get('project');
  const log = fields.get('log');
  if (!project || !log || !path.isAbsolute(log) || !log.endsWith('.sarif')) {
    throw new Error(`The build manifest ${file} is incomplete; it is written by oqjob's own targets file.`);
  }

  return {
    project,
    targetFramework: fields.get('targetFramework') ?? '',
    assemblyName: fields.get('assemblyName') ?? '',
    logPath: log,
    manifestPath: file,
  };
}

/** Error for a compiler log that is missing, too large or not valid SARIF 2.1. */
export class CompilerLogError extends UserError {
  constructor(manifest: CompileManifest, problem: string) {
    const project = manifest.displayName ?? manifest.project;
    const framework = manifest.targetFramework ? ` (${manifest.targetFramework})` : '';
    super(`The compiler log of project ${project}${framework} ${problem}: ${manifest.displayLogPath ?? manifest.logPath}`, {
      hint: 'Run the check again. If it fails the same way, run it with --debug and report the output, which shows the build command.',
    });
  }
}

/** Reads and validates one compiler log. The log is untrusted input: every field is checked before use. */
export async function readCompilerLog(manifest: CompileManifest): Promise<CompilerResult[]> {
  const info = await stat(manifest.logPath).catch(() => undefined);
  if (!info) {
    throw new CompilerLogError(manifest, 'is missing; the compiler did not run or could not write it');
  }

  if (info.size > maxLogBytes) {
    throw new CompilerLogError(manifest, `is larger than ${maxLogBytes} bytes and was not read`);
  }

  return parseCompilerLog(await readFile(manifest.logPath, 'utf8'), manifest);
}

export function parseCompilerLog(text: string, manifest: CompileManifest): CompilerResult[] {
  let log: unknown;
  try {
    log = JSON.parse(stripByteOrderMark(text));
  } catch (error) {
    throw new CompilerLogError(manifest, `is not valid JSON (${(error as Error).message})`);
  }

  if (!isObject(log) || log.version !== '2.1.0' || !Array.isArray(log.runs)) {
    throw new CompilerLogError(manifest, 'is not a SARIF 2.1.0 log');
  }

  const results: CompilerResult[] = [];
  for (const run of log.runs as unknown[]) {
    if (!isObject(run)) {
      throw new CompilerLogError(manifest, 'has a run that is not an object');
    }

    if (run.results === undefined) {
      continue;
    }

    if (!Array.isArray(run.results)) {
      throw new CompilerLogError(manifest, 'has a "results" member that is not an array');
    }

    for (const result of run.results as unknown[]) {
      results.push(toCompilerResult(result, manifest));
    }
  }

  return results;
}

function toCompilerResult(value: unknown, manifest: CompileManifest): CompilerResult {
  if (!isObject(value) || typeof value.ruleId !== 'string') {
    throw new CompilerLogError(manifest, 'has a result without a ruleId');
  }

  const result = value as unknown as Partial<Sarif.Result>;
  const location = result.locations?.[0]?.physicalLocation;
  const region = location?.region;
  return {
    ruleId: result.ruleId!,
    level: toLevel(result.level),
    message: typeof result.message?.text === 'string' ? result.message.text : '',
    file: toFilePath(location?.artifactLocation?.uri),
    startLine: positiveInteger(region?.startLine),
    startColumn: positiveInteger(region?.startColumn),
    endLine: positiveInteger(region?.endLine),
    endColumn: positiveInteger(region?.endColumn),
    properties: customProperties(result.properties),
    suppressed: isSuppressedByUser(result.suppressions),
  };
}

// The compiler names a suppressor's suppressions in the suppression's properties, as
// "DiagnosticSuppressor { Suppression Id: OQJH2002, Suppression Justification: ... }".
const suppressorIdPattern = /Suppression Id: ([^,}\s]+)/g;
const hostSuppressionIdPattern = /^OQJH\d{4}$/;

/**
 * Inside oqjob the analyzer's HostModeSuppressor suppresses every error finding (IDs OQJH
 * and the rule's digits), so that the compiler still writes the assembly for the projects
 * that depend on it. Such a finding is reported as if it were not suppressed; any other
 * suppression is the user's.
 */
function isSuppressedByUser(suppressions: unknown): boolean {
  if (!Array.isArray(suppressions) || suppressions.length === 0) {
    return false;
  }

  return !suppressions.every(isHostSuppression);
}

// NOTE: relies on the suppressionType property, checked with the .NET 10 SDK's compiler only;
// without it, the finding counts as suppressed by the user.
function isHostSuppression(suppression: unknown): boolean {
  const properties = isObject(suppression) ? suppression.properties : undefined;
  const type = isObject(properties) ? properties.suppressionType : undefined;
  if (typeof type !== 'string' || !type.startsWith('DiagnosticSuppressor')) {
    return false;
  }

  const ids = [...type.matchAll(suppressorIdPattern)].map((match) => match[1]!);
  return ids.length > 0 && ids.every((id) => hostSuppressionIdPattern.test(id));
}

function toLevel(level: unknown): CompilerResult['level'] {
  return level === 'error' || level === 'note' || level === 'none' ? level : 'warning';
}

/**
 * Converts the compiler's artifact URI to a path. The compiler writes absolute file URIs;
 * a plain path (as on Windows logs copied elsewhere) is kept as it is.
 */
function toFilePath(uri: unknown): string | undefined {
  if (typeof uri !== 'string' || uri.length === 0) {
    return undefined;
  }

  if (uri.startsWith('file://')) {
    try {
      return decodeURIComponent(new URL(uri).pathname.replace(/^\/([A-Za-z]:)/, '$1'));
    } catch {
      return undefined;
    }
  }

  return uri;
}

function customProperties(properties: unknown): Record<string, string> {
  const custom = isObject(properties) ? properties.customProperties : undefined;
  const copy: Record<string, string> = Object.create(null) as Record<string, string>;
  if (!isObject(custom)) {
    return copy;
  }

  for (const [key, value] of Object.entries(custom)) {
    if (typeof value === 'string') {
      copy[key] = value;
    }
  }

  return copy;
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
