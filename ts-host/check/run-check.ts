import { constants, realpathSync } from 'node:fs';
import { access, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { runAnalysisBuild, type AnalysisBuild } from '../dotnet/build.js';
import { analyzerLoadFailure, findAnalyzerCrashes, findAnalyzerLoadFailures, findRestoreErrors, restoreFailure } from '../dotnet/diagnose.js';
import { probeSdk } from '../dotnet/sdk.js';
import { InterruptedError, UserError } from '../errors.js';
import { collectFindings, toRelative, type CompiledLog } from '../findings/collect.js';
import type { Severity } from '../findings/finding.js';
import type { Logger } from '../log/logger.js';
import { discoverBuildTarget, type BuildTarget } from '../project/discover.js';
import { assertSolutionProjectsExist } from '../project/solution-file.js';
import { readManifests, type CompileManifest } from '../sarif/compiler-log.js';
import { readStoredLog } from '../cache/stored-log.js';
import type { BuildOutcome, CheckResult } from './result.js';
import { acquireTreeLock, type TreeLock } from './tree-lock.js';

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

// Shown when the build fails; more would hide the first, most telling lines.
const maxErrorLines = 20;

/** Runs one `oqjob check`: finds the solution, builds it with the analyzer, and collects the findings. */
export async function runCheck(options: CheckOptions): Promise<CheckResult> {
  const { target, sdkVersion, listedProjects } = await preflight(options);
  const workDirectory = await createWorkDirectory();
  let lock: TreeLock | undefined;
  try {
    lock = await acquireTreeLock(target.root, {
      logger: options.logger,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    await lock.record({ workDirectory });

    // A run killed with SIGKILL cannot stop its build, so the lock names the build's process
    // group for the next run, which ends it before it builds the same folder.
    const heldLock = lock;
    const build = await buildWithAnalyzer(target, workDirectory, options, (pid) => {
      heldLock.record({ buildGroup: pid }).catch(() => undefined);
    });
    return await collectResult(build, target.root, toRelative(target.file, target.root), { ...options, sdkVersion, listedProjects });
  } finally {
    await rm(workDirectory, { recursive: true, force: true });
    await lock?.release();
  }
}

/**
 * Finds the build target and checks, in about a second, what would otherwise fail only
 * after a long restore: a solution listing missing projects, and a missing or too old SDK.
 */
async function preflight(options: CheckOptions): Promise<{ target: BuildTarget; sdkVersion: string; listedProjects: string[] }> {
  await assertInstalled(options.analyzerPath);
  await assertInstalled(options.targetsPath);
  const target = await discoverBuildTarget(options.path, options.cwd);
  options.logger.debug(`checking ${target.kind} ${target.file}`);
  const listedProjects = target.kind === 'solution' ? await assertSolutionProjectsExist(target.file, toRelative(target.file, options.cwd)) : [target.file];

  const sdkVersion = await probeSdk({
    cwd: target.root,
    ...(options.dotnetPath === undefined ? {} : { dotnetPath: options.dotnetPath }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  options.logger.debug(`.NET SDK ${sdkVersion}`);
  return { target, sdkVersion, listedProjects };
}

/** Fails when a file that oqjob ships is missing, as after an interrupted install or a partial build. */
async function assertInstalled(file: string): Promise<void> {
  try {
    await access(file, constants.R_OK);
  } catch {
    throw new UserError(`The oqjob installation is incomplete: ${path.basename(file)} is missing from ${path.dirname(file)}.`, {
      hint: 'Reinstall oqjob. In a clone of its repository, run "npm run build", which builds the analyzer and the CLI.',
    });
  }
}

/** Runs the build and turns a stop, a timeout or a failed restore into the matching error. */
async function buildWithAnalyzer(target: BuildTarget, workDirectory: string, options: CheckOptions, onStart: (pid: number) => void): Promise<AnalysisBuild> {
  const build = await runAnalysisBuild({
    target,
    analyzerPath: options.analyzerPath,
    targetsPath: options.targetsPath,
    workDirectory,
    logger: options.logger,
    ...(await outputFolderFor(target.root, workDirectory, options.logger)),
    ...(options.timeoutSeconds === undefined ? {} : { timeoutMs: options.timeoutSeconds * 1000 }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.dotnetPath === undefined ? {} : { dotnetPath: options.dotnetPath }),
    onStart,
  });

  if (build.result.aborted) {
    throw new InterruptedError();
  }

  if (build.result.timedOut) {
    throw new UserError(`The build did not finish within ${options.timeoutSeconds} seconds and was stopped, with every process it started.`, {
      hint: 'Raise --timeout, or run "dotnet build" on the same path to see where it hangs.',
    });
  }

  const restoreErrors = findRestoreErrors(build.outputLines);
  if (build.result.exitCode !== 0 && restoreErrors.length > 0) {
    throw restoreFailure(restoreErrors);
  }

  return build;
}

/** Creates the run's private folder for logs and scratch files in the system's temporary folder. */
async function createWorkDirectory(): Promise<string> {
  // Resolved here, because dotnet runs in the solution's folder and would read a relative TMPDIR from there.
  const temporary = path.resolve(os.tmpdir());
  try {
    return await mkdtemp(path.join(temporary, 'oqjob-'));
  } catch (error) {
    throw new UserError(`The temporary folder "${temporary}" cannot be used: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`, {
      hint: 'Set TMPDIR to a folder that exists and that you may write to.',
    });
  }
}

/**
 * Leaves bin/ and obj/ where dotnet puts them, unless the checked folder cannot be written
 * (a read-only checkout): then the build writes them below oqjob's work folder instead.
 */
async function outputFolderFor(root: string, workDirectory: string, logger: Logger): Promise<{ artifactsPath?: string }> {
  try {
    await access(root, constants.W_OK);
    return {};
  } catch {
    logger.info('oqjob: the checked folder is read-only; building into a temporary folder instead');
    return { artifactsPath: path.join(workDirectory, 'artifacts') };
  }
}

async function collectResult(
  build: AnalysisBuild,
  root: string,
  targetName: string,
  options: CheckOptions & { sdkVersion: string; listedProjects: string[] },
): Promise<CheckResult> {
  const succeeded = build.result.exitCode === 0;
  const manifests = await readManifests(build.logDirectory);
  const logs: CompiledLog[] = [];
  const logProblems: string[] = [];
  for (const manifest of manifests) {
    const log = await readLogOrRecord({ ...manifest, displayName: toRelative(manifest.project, root), displayLogPath: toRelative(manifest.logPath, root) }, succeeded, logProblems, options.logger);
    if (log) {
      logs.push(log);
    }
  }

  options.logger.debug(`read ${logs.length} compiler log(s) of ${manifests.length} compile(s)`);
  assertAnalyzerRan(logs, root, path.basename(options.analyzerPath), options.sdkVersion);
  logProblems.push(...analyzerCrashes(logs, root));
  if (succeeded) {
    logProblems.push(...uncompiledProjects(options.listedProjects, manifests, root));
  }
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

/** Throws when a compiler rejected the analyzer, because that project would look clean without being checked. */
function assertAnalyzerRan(logs: CompiledLog[], root: string, analyzerFileName: string, sdkVersion: string): void {
  for (const log of logs) {
    const failure = findAnalyzerLoadFailures(log.results, analyzerFileName)[0];
    if (failure) {
      throw analyzerLoadFailure(toRelative(log.manifest.project, root), failure, sdkVersion);
    }
  }
}

/**
 * Names the C# projects that the solution lists but the build did not compile, such as a
 * project without a build entry for the configuration. Their code went unchecked, so a
 * clean report would be false.
 */
function uncompiledProjects(listed: string[], manifests: CompileManifest[], root: string): string[] {
  if (manifests.length === 0) {
    return ['The build compiled no project, so nothing was checked. Check that the solution or project builds C# code with "dotnet build".'];
  }

  const compiled = new Set(manifests.map((manifest) => realPathOrSelf(manifest.project)));
  return listed
    .filter((project) => !compiled.has(realPathOrSelf(project)))
    .map((project) => `The build did not compile ${toRelative(project, root)}, which the solution lists, so it was not checked. Check that the solution builds it in the configuration built (Debug by default).`);
}

function realPathOrSelf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** Describes each crash of an oqjob analyzer; the rules of that analyzer went unchecked in that project. */
function analyzerCrashes(logs: CompiledLog[], root: string): string[] {
  return logs.flatMap((log) =>
    findAnalyzerCrashes(log.results).map(
      (crash) => `The oqjob analyzer failed in project ${toRelative(log.manifest.project, root)}, so some rules were not checked there (this is a bug in oqjob, please report it): ${crash.message.split(/\r?\n/)[0]}`,
    ),
  );
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

/**
 * Picks the distinct error lines of the build output, without the trailing project path, with
 * the checked folder's path removed and the home folder shown as "~", so that reports name no
 * absolute path or user name of the machine.
 */
function buildErrorLines(lines: string[], root: string): string[] {
  const rootPrefix = `${root.replace(/[\\/]+$/, '')}${path.sep}`;
  const home = os.homedir().length > 1 ? `${os.homedir()}${path.sep}` : undefined;
  const seen = new Set<string>();
  const errors: string[] = [];
  for (const line of lines) {
    if (!/\berror\b/i.test(line) || / warning [A-Z]+\d+:/.test(line)) {
      continue;
    }

    const trimmed = line.trim().replace(/\s+\[[^\]]+\.(cs|vb|fs)proj(::TargetFramework=[^\]]+)?\]$/, '').split(rootPrefix).join('');
    const shown = home === undefined ? trimmed : trimmed.split(home).join(`~${path.sep}`);
    if (!seen.has(shown)) {
      seen.add(shown);
      errors.push(shown);
    }
  }

  return errors;
}
