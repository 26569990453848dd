import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { computeAnalyzerIdentity } from '../cache/analyzer-identity.js';
import type { Logger } from '../log/logger.js';
import type { BuildTarget } from '../project/discover.js';
import { formatCommand, runDotnet, type DotnetResult } from './dotnet-cli.js';
import { propertyArgument } from './msbuild.js';
import { BuildProgress } from './progress.js';

export interface AnalysisBuildRequest {
  target: BuildTarget;
  /** The Oqjob.Analyzers.dll to inject. */
  analyzerPath: string;
  /** The oqjob.targets file to import after Microsoft.Common.targets. */
  targetsPath: string;
  /** A private, empty folder for this run; the logs are written below it. */
  workDirectory: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  dotnetPath?: string;
  logger: Logger;
  /**
   * Folder for bin/ and obj/ when the checked tree cannot be written (a read-only checkout);
   * undefined builds in place, as `dotnet build` does.
   */
  artifactsPath?: string;
  /** Called with the process id of dotnet, which leads the build's process group. */
  onStart?: (pid: number) => void;
}

export interface AnalysisBuild {
  result: DotnetResult;
  /** Folder that contains one SARIF log and one manifest per project and target framework. */
  logDirectory: string;
  /** Every line dotnet printed, in order, for error reporting. */
  outputLines: string[];
}

/**
 * Runs `dotnet build` on the target with the analyzer injected through
 * CustomAfterMicrosoftCommonTargets, so no file of the user's tree is created or changed
 * besides the usual bin/ and obj/ outputs.
 */
export async function runAnalysisBuild(request: AnalysisBuildRequest): Promise<AnalysisBuild> {
  const logDirectory = path.join(request.workDirectory, 'logs') + path.sep;
  await mkdir(logDirectory, { recursive: true });

  // Names the compiler logs kept in each project's obj folder; see oqjob.targets.
  const identity = await computeAnalyzerIdentity(request.analyzerPath, request.targetsPath, analysisArguments(request));
  request.logger.debug(`analyzer identity: ${identity}`);
  const args = buildArguments(request, logDirectory, identity);
  request.logger.debug(`running: ${formatCommand(['dotnet', ...args])}`);
  request.logger.debug(`working folder: ${request.target.root}`);

  const progress = new BuildProgress(request.logger);
  const outputLines: string[] = [];
  // dotnet and MSBuild leave scratch files (MSBuildTemp, NuGetScratch, diagnostic pipes) in the
  // temporary folder, above all when a build is stopped. Pointing it into oqjob's work folder,
  // which is removed after every run, leaves nothing behind.
  const temporary = path.join(request.workDirectory, 'tmp');
  await mkdir(temporary, { recursive: true });

  const result = await runDotnet(args, {
    cwd: request.target.root,
    env: { TMPDIR: temporary, TMP: temporary, TEMP: temporary },
    onLine: (line) => {
      outputLines.push(line);
      progress.onLine(line);
    },
    ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs }),
    ...(request.signal === undefined ? {} : { signal: request.signal }),
    ...(request.dotnetPath === undefined ? {} : { dotnetPath: request.dotnetPath }),
    ...(request.onStart === undefined ? {} : { onStart: request.onStart }),
  });
  progress.finish(result.aborted ? 'stopped' : result.timedOut ? 'timed out' : 'finished');
  request.logger.debug(`dotnet build exited with code ${result.exitCode}`);

  return { result, logDirectory, outputLines };
}

export function buildArguments(request: AnalysisBuildRequest, logDirectory: string, analyzerIdentity: string): string[] {
  return [
    'build',
    request.target.file,
    ...analysisArguments(request),
    propertyArgument('OqjobLogDirectory', logDirectory),
    propertyArgument('OqjobAnalyzerIdentity', analyzerIdentity),
    ...(request.artifactsPath === undefined ? [] : ['--artifacts-path', request.artifactsPath]),
  ];
}

/**
 * Returns the arguments that are the same for every run of this oqjob on any tree. They are
 * part of the analyzer identity, so that changing them makes every project be analysed again.
 */
export function analysisArguments(request: Pick<AnalysisBuildRequest, 'analyzerPath' | 'targetsPath'>): string[] {
  return [
    '--nologo',
    // No compiler server and no MSBuild node outlives the build: CI runners wait for
    // every child process, and a reused node would keep an old analyzer loaded.
    '--disable-build-servers',
    '-nodeReuse:false',
    propertyArgument('UseSharedCompilation', 'false'),
    '-tl:off',
    '-v:minimal',
    '-clp:NoSummary',
    propertyArgument('CustomAfterMicrosoftCommonTargets', request.targetsPath),
    propertyArgument('OqjobAnalyzerPath', request.analyzerPath),
  ];
}
