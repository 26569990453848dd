import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { UserError } from '../errors.js';
import { groupExists, signalGroup } from './process-group.js';

export interface DotnetRunOptions {
  cwd: string;
  /** Extra environment variables; the process environment is inherited. */
  env?: Record<string, string>;
  /** Called for each line of standard output and standard error as it arrives. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Stops the command and every process it started after this many milliseconds. */
  timeoutMs?: number;
  /** Stops the command and every process it started when aborted. */
  signal?: AbortSignal;
  /** The dotnet executable; found with locateDotnet when not given. */
  dotnetPath?: string;
  /** Called with the process id once dotnet has started; it also leads the process group. */
  onStart?: (pid: number) => void;
}

export interface DotnetResult {
  /** The command as run: the executable, then the arguments. */
  command: string[];
  exitCode: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  aborted: boolean;
}

// Keep dotnet quiet and predictable: no telemetry banner, English messages that the
// progress and error parsing can read, and no MSBuild nodes left alive after the build.
const baseEnvironment: Record<string, string> = {
  DOTNET_CLI_TELEMETRY_OPTOUT: '1',
  DOTNET_NOLOGO: '1',
  DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1',
  DOTNET_CLI_UI_LANGUAGE: 'en',
  MSBUILDDISABLENODEREUSE: '1',
};

// How long a stopped build gets to end by itself before it is killed.
const killGraceMs = 5000;

/**
 * Returns the dotnet executable to run: $DOTNET_ROOT/dotnet when DOTNET_ROOT is set and
 * contains one, else "dotnet" from PATH.
 */
export function locateDotnet(env: NodeJS.ProcessEnv = process.env): string {
  const root = env.DOTNET_ROOT;
  if (root) {
    const candidate = path.join(root, process.platform === 'win32' ? 'dotnet.exe' : 'dotnet');
    if (existsSync(candidate)) {
      return candidate;
    }
  }

  return 'dotnet';
}

/**
 * Runs the dotnet CLI without a shell, with the arguments as an array. The command runs in
 * its own process group so that a timeout or an interrupt stops MSBuild's worker nodes and
 * the compiler along with it.
 */
export async function runDotnet(args: string[], options: DotnetRunOptions): Promise<DotnetResult> {
  const executable = options.dotnetPath ?? locateDotnet();
  const command = [executable, ...args];
  const subprocess = execa(executable, args, {
    cwd: options.cwd,
    env: { ...baseEnvironment, ...options.env },
    extendEnv: true,
    reject: false,
    stdin: 'ignore',
    detached: process.platform !== 'win32',
    cleanup: true,
    stripFinalNewline: false,
  });

  if (subprocess.pid !== undefined) {
    options.onStart?.(subprocess.pid);
  }

  let timedOut = false;
  let aborted = false;
  const stopTree = (): void => {
    killProcessTree(subprocess.pid);
  };

  const timer = options.timeoutMs === undefined
    ? undefined
    : setTimeout(() => {
        timedOut = true;
        stopTree();
      }, options.timeoutMs);
  const onAbort = (): void => {
    aborted = true;
    stopTree();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) {
    onAbort();
  }

  forwardLines(subprocess.stdout, 'stdout', options.onLine);
  forwardLines(subprocess.stderr, 'stderr', options.onLine);

  try {
    const result = await subprocess;
    if (isNotFound(result)) {
      throw dotnetNotFound(executable);
    }

    if (isNotRunnable(result)) {
      throw dotnetNotRunnable(executable, result.code!);
    }

    if (timedOut || aborted) {
      await waitForGroupExit(subprocess.pid);
    }

    return {
      command,
      exitCode: result.exitCode ?? (timedOut || aborted ? -1 : 1),
      stdout: String(result.stdout ?? ''),
      stderr: String(result.stderr ?? ''),
      timedOut,
      aborted,
    };
  } finally {
    if (timer) {
      clearTimeout(timer);
    }

    options.signal?.removeEventListener('abort', onAbort);
  }
}

/** Returns the command as a person would type it, for --debug output and error messages. */
export function formatCommand(command: string[]): string {
  return command.map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replace(/'/g, `'\\''`)}'`)).join(' ');
}

function forwardLines(
  stream: NodeJS.ReadableStream | null,
  name: 'stdout' | 'stderr',
  onLine: DotnetRunOptions['onLine'],
): void {
  if (!stream || !onLine) {
    return;
  }

  const reader = createInterface({ input: stream, crlfDelay: Infinity });
  reader.on('line', (line) => onLine(line, name));
}

/** Sends SIGTERM to the whole process group, so MSBuild's nodes and the compiler end with dotnet. */
function killProcessTree(pid: number | undefined): void {
  if (pid !== undefined) {
    signalGroup(pid, 'SIGTERM');
  }
}

/**
 * Waits until every process of the stopped group has ended, and kills what is left after a
 * grace period. The wait is awaited rather than left to a timer, because oqjob exits right
 * after and a timer would die with it, leaving a stuck compiler running.
 */
async function waitForGroupExit(pid: number | undefined): Promise<void> {
  if (pid === undefined || process.platform === 'win32') {
    return;
  }

  const deadline = Date.now() + killGraceMs;
  while (groupExists(pid) && Date.now() < deadline) {
    await sleep(100);
  }

  if (groupExists(pid)) {
    signalGroup(pid, 'SIGKILL');
  }
}

function isNotFound(result: { code?: string; failed?: boolean }): boolean {
  return result.failed === true && result.code === 'ENOENT';
}

// The spawn itself failed: the file is there but is a folder or lacks the execute permission.
function isNotRunnable(result: { code?: string; failed?: boolean; exitCode?: number }): boolean {
  return result.failed === true && result.exitCode === undefined && (result.code === 'EACCES' || result.code === 'EISDIR' || result.code === 'ENOTDIR' || result.code === 'ENOEXEC');
}

function dotnetNotRunnable(executable: string, code: string): UserError {
  return new UserError(`The dotnet executable "${executable}" cannot be run: ${code}.`, {
    hint: 'Point PATH or DOTNET_ROOT at a .NET SDK installation whose dotnet file is executable (https://dot.net/download).',
  });
}

function dotnetNotFound(executable: string): UserError {
  return new UserError(`The .NET SDK was not found: "${executable}" is not on PATH.`, {
    hint:
      'Install a .NET SDK 8 or later (https://dot.net/download) and make sure "dotnet --version" works in this shell. ' +
      'oqjob also honours DOTNET_ROOT: set it to the folder that contains the dotnet executable.',
  });
}
