import { Command, CommanderError } from 'commander';
import { InterruptedError, UserError } from '../errors.js';
import { createConsoleLogger } from '../log/logger.js';
import { toolVersion } from '../version.js';
import { addCheckCommand, type CommandContext } from './check-command.js';
import { commandExitCodeHelp, ExitCode, exitCodeHelp } from './exit-codes.js';
import { addBaselineCommand } from './baseline-command.js';
import { addRulesCommand } from './rules-command.js';
import { addUploadCommand } from './upload-command.js';

export interface RunOptions {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  signal: AbortSignal;
  /** The signal that stopped the run, if any; decides between exit codes 130 and 143. */
  stopSignal: () => NodeJS.Signals | undefined;
}

/** Runs the oqjob command line and returns the exit code; never calls process.exit. */
export async function runCli(options: RunOptions): Promise<number> {
  let exitCode: number = ExitCode.Success;
  const context: CommandContext = {
    cwd: options.cwd,
    stdout: options.stdout,
    env: options.env,
    signal: options.signal,
    createLogger: ({ quiet, debug }) =>
      createConsoleLogger({
        quiet,
        debug,
        interactive: options.stderr.isTTY === true && !options.env.CI,
        stream: options.stderr,
      }),
  };

  const program = new Command('oqjob')
    .description('Checks the scheduled jobs of Oqtane modules against the framework job model.')
    .version(toolVersion, '-V, --version', 'print the oqjob version')
    .showHelpAfterError('(run "oqjob --help" for usage)')
    .addHelpText('after', `\n${exitCodeHelp}\n\nEnvironment:\n  NO_COLOR     turn off colors in the text report\n  CI           print plain progress lines instead of a live status line\n  DOTNET_ROOT  folder of the dotnet executable to use instead of the one on PATH`)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => options.stdout.write(text),
      writeErr: (text) => options.stderr.write(text),
    });

  const setExitCode = (code: number) => {
    exitCode = code;
  };
  addCheckCommand(program, context, setExitCode);
  addBaselineCommand(program, context, setExitCode);
  addRulesCommand(program, context, setExitCode);
  addUploadCommand(program, context, setExitCode);
  for (const command of program.commands) {
    command.exitOverride().addHelpText('after', `\n${command.name() === 'check' ? exitCodeHelp : commandExitCodeHelp}`);
  }

  try {
    await program.parseAsync(options.argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, options);
  }
}

function handleError(error: unknown, options: RunOptions): number {
  if (error instanceof CommanderError) {
    // Help and version are printed by commander and end the run successfully.
    const finished = error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help';
    return finished ? ExitCode.Success : ExitCode.Error;
  }

  if (error instanceof InterruptedError || options.signal.aborted) {
    options.stderr.write('oqjob: stopped. A build that was running was ended with every process it started, and no report or baseline was written.\n');
    return exitCodeForSignal(options.stopSignal());
  }

  if (error instanceof UserError) {
    options.stderr.write(`oqjob: ${printable(error.message)}\n`);
    if (error.hint) {
      options.stderr.write(`${printable(error.hint)}\n`);
    }

    return error.exitCode;
  }

  if (isSystemError(error)) {
    options.stderr.write(`oqjob: ${printable(describeSystemError(error))}\n`);
    return ExitCode.Error;
  }

  const detail = error instanceof Error ? error.stack ?? error.message : String(error);
  options.stderr.write(`oqjob ${toolVersion}: internal error; this is a bug in oqjob, please report it with the text below.\n${detail}\n`);
  return ExitCode.Error;
}

function exitCodeForSignal(signal: NodeJS.Signals | undefined): number {
  if (signal === 'SIGTERM') {
    return ExitCode.Terminated;
  }

  return signal === 'SIGHUP' ? ExitCode.HungUp : ExitCode.Interrupted;
}

/**
 * Shows control characters as escapes, because messages quote file names and file content
 * that are not trusted, and a raw escape sequence could rewrite the user's terminal.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** True for a failed file or process operation (ENOSPC, EACCES, ...), which the user's machine causes. */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}

const systemErrorHints: Record<string, string> = {
  ENOSPC: 'The disk is full: free space, or set TMPDIR to a folder on a disk with space.',
  EACCES: 'Permission was denied: check the permissions of that path, or choose another.',
  EPERM: 'The operation is not permitted on that path: check its permissions, or choose another.',
  EROFS: 'That path is on a read-only file system: choose a writable folder.',
  EMFILE: 'Too many files are open: raise the limit (ulimit -n) and run again.',
};

function describeSystemError(error: NodeJS.ErrnoException): string {
  const where = error.path === undefined ? '' : ` on "${error.path}"`;
  const hint = systemErrorHints[error.code!] ?? 'Check the path and the machine, and run again.';
  return `${error.syscall} failed${where}: ${error.code}.\n${hint}`;
}
