import { existsSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';
import { runDotnet } from './dotnet-cli.js';

/**
 * The oldest SDK whose compiler loads the analyzer: it is built against Roslyn 4.8, which
 * first shipped with the .NET 8.0.100 SDK. An older compiler rejects it with CS9057.
 */
export const minimumSdkVersion = '8.0.100';

export interface SdkProbe {
  /** The folder whose global.json, if any, selects the SDK: the checked folder. */
  cwd: string;
  dotnetPath?: string;
  signal?: AbortSignal;
}

/**
 * Asks dotnet which SDK it would use in the checked folder, before the build. This is the
 * SDK that `dotnet build` picks there, global.json included, so a missing or too old SDK is
 * reported in a second with the fix instead of as a failed build.
 */
export async function probeSdk(probe: SdkProbe): Promise<string> {
  const result = await runDotnet(['--version'], {
    cwd: probe.cwd,
    ...(probe.dotnetPath === undefined ? {} : { dotnetPath: probe.dotnetPath }),
    ...(probe.signal === undefined ? {} : { signal: probe.signal }),
  });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.exitCode !== 0 && !result.aborted) {
    throw sdkFailure(output, result.exitCode, findGlobalJson(probe.cwd));
  }

  const version = /^\s*(\d+\.\d+\.\d+\S*)\s*$/m.exec(result.stdout)?.[1];
  if (version === undefined) {
    throw new UserError(`"dotnet --version" printed no SDK version: ${firstLines(output, 3) || '(nothing)'}.`, {
      hint: 'Check that "dotnet --version" prints a version in the checked folder.',
    });
  }

  if (compareVersions(version, minimumSdkVersion) < 0) {
    throw new UserError(`The .NET SDK ${version} is older than ${minimumSdkVersion}, the oldest whose compiler can load the oqjob analyzer.`, {
      hint: `Install a .NET SDK ${minimumSdkVersion} or later (8, 9 and 10 all work). If global.json in the checked folder pins ${version}, raise its "sdk.version" or set "rollForward" to "latestMajor".`,
    });
  }

  return version;
}

/** Converts the dotnet host's failure into a message that names the SDK and the global.json file. */
function sdkFailure(output: string, exitCode: number, globalJsonPath: string | undefined): UserError {
  const requested = /Requested SDK version:\s*(\S+)/.exec(output)?.[1];
  const globalJson = /global\.json file:\s*(.+)/.exec(output)?.[1]?.trim();
  const installed = installedSdks(output);
  if (requested !== undefined) {
    const where = globalJson ? `${globalJson} requests` : 'The checked folder requests';
    return new UserError(`${where} .NET SDK ${requested}, which is not installed (installed: ${installed.length > 0 ? installed.join(', ') : 'none'}).`, {
      hint: `Install the .NET SDK ${requested} (https://dot.net/download), or change "sdk.version" or "rollForward" in that global.json so that an installed SDK is chosen. oqjob uses the SDK that "dotnet build" would use in the checked folder.`,
    });
  }

  // SDK 10 reports a malformed global.json only as a JsonException, without naming the file.
  const jsonProblem = /JsonException: ([^\r\n]*)/.exec(output)?.[1];
  if (jsonProblem !== undefined || /global\.json/i.test(output)) {
    const reason = jsonProblem ?? firstLines(output, 2);
    return new UserError(`dotnet cannot read the global.json ${globalJsonPath ? `"${globalJsonPath}"` : 'of the checked folder or one above it'}: ${reason}`, {
      hint: 'Fix the JSON in that global.json (run "dotnet --version" in the checked folder to see the full error).',
    });
  }

  return new UserError(`"dotnet --version" failed with exit code ${exitCode}: ${firstLines(output, 3) || '(no output)'}.`, {
    hint: 'Run "dotnet --version" in the checked folder and fix what it reports; the check needs a working .NET SDK.',
  });
}

/** Returns the global.json that dotnet reads for the folder: the nearest one in it or above it. */
export function findGlobalJson(folder: string): string | undefined {
  for (let current = path.resolve(folder); ; current = path.dirname(current)) {
    const candidate = path.join(current, 'global.json');
    if (existsSync(candidate)) {
      return candidate;
    }

    if (path.dirname(current) === current) {
      return undefined;
    }
  }
}

function installedSdks(output: string): string[] {
  return [...output.matchAll(/^(\d+\.\d+\.\d+\S*) \[/gm)].map((match) => match[1]!);
}

function firstLines(text: string, count: number): string {
  return text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean).slice(0, count).join(' ');
}

/** Compares two SDK versions such as 8.0.100 and 10.0.401-preview.1; the prerelease tag counts as older. */
export function compareVersions(a: string, b: string): number {
  const [coreA = '', preA] = a.split('-', 2);
  const [coreB = '', preB] = b.split('-', 2);
  const partsA = coreA.split('.').map(Number);
  const partsB = coreB.split('.').map(Number);
  for (let index = 0; index < Math.max(partsA.length, partsB.length); index++) {
    const difference = (partsA[index] ?? 0) - (partsB[index] ?? 0);
    if (difference !== 0) {
      return Math.sign(difference);
    }
  }

  if (preA === preB) {
    return 0;
  }

  // A release sorts after its prereleases; prereleases compare by their tags.
  if (preA === undefined) {
    return 1;
  }

  if (preB === undefined) {
    return -1;
  }

  return preA < preB ? -1 : 1;
}
