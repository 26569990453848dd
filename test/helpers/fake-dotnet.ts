import { accessSync, constants, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths.js';

/** Folder of the fault-injecting dotnet stand-in; oqjob runs it when DOTNET_ROOT names this folder. */
export const fakeDotnetRoot = path.join(repoRoot, 'test', 'fake-dotnet');

/** Returns the real dotnet executable on PATH, which the stand-in calls for everything it does not fake. */
export function realDotnet(): string {
  for (const folder of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(folder, 'dotnet');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not in this folder.
    }
  }

  throw new Error('The tests need dotnet on PATH.');
}

export interface FakeDotnet {
  env: Record<string, string>;
  /** Folder where the stand-in records the process ids it started. */
  stateDirectory: string;
}

/** Returns the environment that makes oqjob run the stand-in with the given fault. */
export function fakeDotnet(mode: string): FakeDotnet {
  const stateDirectory = mkdtempSync(path.join(os.tmpdir(), 'oqjob-fake-dotnet-'));
  return {
    stateDirectory,
    env: {
      DOTNET_ROOT: fakeDotnetRoot,
      FAKE_DOTNET_MODE: mode,
      FAKE_DOTNET_REAL: realDotnet(),
      FAKE_DOTNET_STATE: stateDirectory,
    },
  };
}

/** Returns the process ids that the stand-in recorded. */
export function recordedPids(fake: FakeDotnet): number[] {
  try {
    return readFileSync(path.join(fake.stateDirectory, 'pids'), 'utf8').split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns the processes whose TMPDIR lies below the folder. oqjob and everything it starts
 * inherit the TMPDIR a test gives it, so this finds what a run left behind without looking
 * at the processes of anything else on the machine.
 */
export function processesBelowTmp(folder: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }

    try {
      const environment = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (environment.some((variable) => variable.startsWith(`TMPDIR=${folder}`))) {
        found.push(Number(entry));
      }
    } catch {
      // The process ended, or its environment is not readable.
    }
  }

  return found;
}
