import path from 'node:path';
import { analysisArguments } from '../../ts-host/dotnet/build.js';
import { analyzerPath, cliPath, targetsPath } from '../paths.js';

/** A command line to time, run in `cwd`. */
export interface BenchCommand {
  label: string;
  file: string;
  args: string[];
  cwd: string;
  /** Exit codes that mean the command did its work (a check with findings exits 1). */
  okExitCodes: number[];
}

/**
 * Returns oqjob's own build flags without the two properties that inject the analyzer, so the
 * plain build differs from the check's build by the analyzer alone. Both run without a
 * compiler server, as oqjob does.
 */
export function plainBuildFlags(): string[] {
  return analysisArguments({ analyzerPath, targetsPath }).filter(
    (argument) => !argument.startsWith('-p:CustomAfterMicrosoftCommonTargets=') && !argument.startsWith('-p:OqjobAnalyzerPath='),
  );
}

export function oqjobCheck(solutionFile: string, cwd: string, reportFile: string): BenchCommand {
  return {
    label: 'oqjob check',
    file: process.execPath,
    args: [cliPath, 'check', solutionFile, '--format', 'json', '--output', reportFile, '--debug'],
    cwd,
    okExitCodes: [0, 1],
  };
}

export function plainBuild(solutionFile: string, cwd: string, rebuild: boolean): BenchCommand {
  return {
    label: rebuild ? 'dotnet build --no-incremental' : 'dotnet build',
    file: 'dotnet',
    args: ['build', solutionFile, ...(rebuild ? ['--no-incremental'] : []), ...plainBuildFlags()],
    cwd,
    okExitCodes: [0],
  };
}

export function restore(solutionFile: string, cwd: string): BenchCommand {
  return { label: 'dotnet restore', file: 'dotnet', args: ['restore', solutionFile, '--nologo', '--disable-build-servers'], cwd, okExitCodes: [0] };
}

/** Formats a command as it would be typed, with the solution path relative to `cwd`. */
export function displayCommand(command: BenchCommand): string {
  const file = command.file === process.execPath ? 'node' : command.file;
  const args = command.args.map((argument) => {
    if (path.isAbsolute(argument) && argument.startsWith(command.cwd)) {
      return path.relative(command.cwd, argument);
    }

    return argument.replace(/^(-p:OqjobAnalyzerPath=|-p:CustomAfterMicrosoftCommonTargets=).*\/dist\//, '$1dist/');
  });
  return [file, ...args.map((argument) => (argument === cliPath ? 'dist/ts-host/cli/main.js' : argument))].join(' ');
}
