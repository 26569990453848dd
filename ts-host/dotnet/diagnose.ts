import { UserError } from '../errors.js';
import type { CompilerResult } from '../sarif/compiler-log.js';

/** One NuGet error from the restore that precedes the build. */
export interface RestoreError {
  code: string;
  message: string;
}

// MSBuild prints restore errors as "<project> : error NU1101: Unable to find package ... [<project>]".
const restoreErrorLine = /\berror (NU\d{4}): (.*?)(?:\s+\[[^\]]+\])?\s*$/;

/** Picks the distinct NuGet errors out of the build output. */
export function findRestoreErrors(lines: string[]): RestoreError[] {
  const seen = new Set<string>();
  const errors: RestoreError[] = [];
  for (const line of lines) {
    const match = restoreErrorLine.exec(line);
    if (match && !seen.has(`${match[1]}|${match[2]}`)) {
      seen.add(`${match[1]}|${match[2]}`);
      errors.push({ code: match[1]!, message: match[2]! });
    }
  }

  return errors;
}

// Errors shown in full, because a restore seldom fails in more ways than this at once.
const maxRestoreErrors = 10;

/**
 * Explains a failed restore. Nothing is compiled after a failed restore, so there is no
 * finding to report. The message lists NuGet's own lines, which name the package and feed.
 */
export function restoreFailure(errors: RestoreError[]): UserError {
  const shown = errors.slice(0, maxRestoreErrors).map((error) => `  ${error.code}: ${error.message}`);
  if (errors.length > maxRestoreErrors) {
    shown.push(`  ... and ${errors.length - maxRestoreErrors} more`);
  }

  return new UserError(`Restoring NuGet packages failed, so nothing was compiled or checked:\n${shown.join('\n')}`, {
    hint: restoreHint(new Set(errors.map((error) => error.code))),
  });
}

function restoreHint(codes: Set<string>): string {
  if (codes.has('NU1301') || codes.has('NU1801')) {
    return 'A package feed could not be reached or rejected the credentials. Check the network, the feed addresses in nuget.config, and for a private feed its credentials (nuget.config <packageSourceCredentials> or the NuGetPackageSourceCredentials_<feed name> environment variable). Run "dotnet restore" on the same path to retry.';
  }

  if (codes.has('NU1101') || codes.has('NU1102') || codes.has('NU1103')) {
    return 'A package or version named in a project is not on any configured feed. Check its name and version in the project file, and that nuget.config lists the feed that has it.';
  }

  return 'Run "dotnet restore" on the same path to see the full output, fix what it reports, and run the check again.';
}

// Compiler warnings that mean an analyzer assembly was not loaded or has nothing to run.
const analyzerLoadCodes = new Set(['CS8032', 'CS8033', 'CS8034', 'CS9057', 'CS0009']);

/**
 * Returns the compiler's reasons for not running oqjob's analyzer, if any. Without this a
 * project whose compiler rejected the analyzer would look clean.
 */
export function findAnalyzerLoadFailures(results: CompilerResult[], analyzerFileName: string): CompilerResult[] {
  return results.filter((result) => analyzerLoadCodes.has(result.ruleId) && result.message.includes(analyzerFileName));
}

export function analyzerLoadFailure(project: string, failure: CompilerResult, sdkVersion: string | undefined): UserError {
  const sdk = sdkVersion === undefined ? 'the .NET SDK in use' : `the .NET SDK ${sdkVersion}`;
  const newerCompiler = failure.ruleId === 'CS9057';
  return new UserError(`The compiler of ${sdk} could not load the oqjob analyzer in project ${project}, so that project was not checked: ${failure.ruleId} ${failure.message}`, {
    hint: newerCompiler
      ? `This analyzer was built for a newer compiler than ${sdk} has. Install a newer .NET SDK (8.0.100 or later, matching the analyzer), or use the oqjob release built for your SDK.`
      : 'Reinstall oqjob (the analyzer file may be damaged or missing), and check that the SDK is 8.0.100 or later.',
  });
}

/** Returns oqjob's own analyzer crashes (AD0001 naming one of its analyzers), which leave rules unchecked. */
export function findAnalyzerCrashes(results: CompilerResult[]): CompilerResult[] {
  return results.filter((result) => result.ruleId === 'AD0001' && /Oqjob\.Analyzers\./.test(result.message));
}
