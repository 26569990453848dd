import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runAnalysisBuild, type AnalysisBuild } from '../dotnet/build.js';
import { readStoredLog } from '../cache/stored-log.js';
import { UserError } from '../errors.js';
import { collectFindings, toRelative, type CompiledLog } from '../findings/collect.js';
import type { Severity } from '../findings/finding.js';
import type { Logger } from '../log/logger.js';
import { discoverBuildTarget } from '../project/discover.js';
import { readManifests, type CompileManifest } from '../sarif/compiler-log.js';
import type { BuildOutcome, CheckResult } from './result.js';

export interface CheckOptions {
  /** The path given on the command line: a folder, .sln, .slnx or .csproj. */
  path: string;
  cwd: string;
  failOn: Severity;
  analyzerPath: string;
  targetsPath: string;
  timeoutSeconds?: number;
  signal?: AbortSignal;
  dotnetPath?: string;
  logger: Logger;
}

/** Thrown when the run was stopped by a signal; the CLI turns it into exit code 130 or 143. */
export class InterruptedError extends Error {
  constructor() {
    super('The check was interrupted.');
    this.name = 'InterruptedError';
  }
}

// Shown when the build fails; more would hide the first, most telling lines.
const maxErrorLines = 20;

/** Runs one `oqjob check`: finds the solution, builds it with the analyzer, and collects the findings. */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const target = await discoverBuildTarget(options.path, options.cwd);
  options.logger.debug(`checking ${target.kind} ${target.file}`);

  const workDirectory = await mkdtemp(path.join(os.tmpdir(), 'oqjob-'));
  try {
    const build = await runAnalysisBuild({
      target,
      analyzerPath: options.analyzerPath,
      targetsPath: options.targetsPath,
      workDirectory,
      logger: options.logger,
      ...(options.timeoutSeconds === undefined ? {} : { timeoutMs: options.timeoutSeconds * 1000 }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.dotnetPath === undefined ? {} : { dotnetPath: options.dotnetPath }),
    });

    if (build.result.aborted) {
      throw new InterruptedError();
    }

    if (build.result.timedOut) {
      throw new UserError(`The build did not finish within ${options.timeoutSeconds} seconds and was stopped, with every process it started.`, {
        hint: 'Raise --timeout, or run "dotnet build" on the same path to see where it hangs.',
      });
    }

    return await collectResult(build, target.root, toRelative(target.file, target.root), options);
  } finally {
    await rm(workDirectory, { recursive: true, force: true });
  }
}

async function collectResult(build: AnalysisBuild, root: string, targetName: string, options: CheckOptions): Promise<CheckResult> {
  const succeeded = build.result.exitCode === 0;
  const manifests = await readManifests(build.logDirectory);
  const logs: CompiledLog[] = [];
  const logProblems: string[] = [];
  for (const manifest of manifests) {
    const log = await readLogOrRecord(manifest, succeeded, logProblems, options.logger);
    if (log) {
      logs.push(log);
    }
  }

  options.logger.debug(`read ${logs.length} compiler log(s) of ${manifests.length} compile(s)`);
  const collected = collectFindings(logs, root);
  const errorLines = succeeded ? [] : buildErrorLines(build.outputLines, root);
  const outcome: BuildOutcome = {
    succeeded,
    exitCode: build.result.exitCode,
    complete: succeeded && logProblems.length === 0 && collected.compilerErrors.length === 0,
    compiledProjects: logs.map((log) => ({
      project: toRelative(log.manifest.project, root),
      targetFramework: log.manifest.targetFramework,
    })),
    compilerErrors: collected.compilerErrors,
    errorLines: errorLines.slice(0, maxErrorLines),
    omittedErrorLines: Math.max(0, errorLines.length - maxErrorLines),
    logProblems,
  };

  return {
    root,
    target: targetName,
    findings: collected.findings,
    suppressed: collected.suppressed,
    suppressedCount: collected.suppressedCount,
    build: outcome,
    failOn: options.failOn,
  };
}

/**
 * Reads one compiler log. When the build succeeded every log must be there, so a bad log
 * is an error. When it failed, a project may have stopped before writing its log, so the
 * problem is recorded as part of the incomplete analysis.
 */
async function readLogOrRecord(manifest: CompileManifest, buildSucceeded: boolean, problems: string[], logger: Logger): Promise<CompiledLog | undefined> {
  try {
    // Compiles that were up to date left their log from the last compile; see ../cache/stored-log.ts.
    const stored = await readStoredLog(manifest);
    logger.debug(`${stored.state === 'reused' ? 'compile up to date, analysis reused' : 'compiled and analysed in this run'}: ${manifest.project}${manifest.targetFramework ? ` (${manifest.targetFramework})` : ''}`);
    return { manifest, results: stored.results };
  } catch (error) {
    if (buildSucceeded || !(error instanceof UserError)) {
      throw error;
    }

    problems.push(error.message);
    return undefined;
  }
}

/** Returns the distinct error lines of the build output, without MSBuild's project suffix. */
/**
 * Picks the distinct error lines of the build output, without the trailing project path and
 * with the checked folder's path removed, so that reports name no absolute path of the machine.
 */
function buildErrorLines(lines: string[], root: string): string[] {
  const rootPrefix = `${root.replace(/[\\/]+$/, '')}${path.sep}`;
  const seen = new Set<string>();
  const errors: string[] = [];
  for (const line of lines) {
    if (!/\berror\b/i.test(line) || / warning [A-Z]+\d+:/.test(line)) {
      continue;
    }

    const trimmed = line.trim().replace(/\s+\[[^\]]+\.(cs|vb|fs)proj(::TargetFramework=[^\]]+)?\]$/, '').split(rootPrefix).join('');
    if (!seen.has(trimmed)) {
      seen.add(trimmed);
      errors.push(trimmed);
    }
  }

  return errors;
}
