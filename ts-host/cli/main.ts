#!/usr/bin/env node
import { runCli } from './program.js';

// The process edge: arguments, signals and the exit code are handled here and nowhere else.
const signalExitCodes: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
const controller = new AbortController();
let stopSignal: NodeJS.Signals | undefined;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    // A second signal means the user will not wait for the clean-up, for example while a
    // report is stuck on a pipe that no process reads.
    if (stopSignal !== undefined) {
      process.exit(signalExitCodes[signal]);
    }

    stopSignal = signal;
    controller.abort();
  });
}

// A closed pipe (oqjob check | head) ends the output, not the run with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') {
      process.stderr.write(`oqjob: cannot write to the output: ${error.code ?? error.message}.\n`);
    }

    process.exit(error.code === 'EPIPE' ? process.exitCode ?? 0 : 2);
  });
}

let cwd: string;
try {
  cwd = process.cwd();
} catch {
  process.stderr.write('oqjob: the current folder no longer exists.\nChange to an existing folder and run oqjob again.\n');
  process.exit(2);
}

const exitCode = await runCli({
  argv: process.argv.slice(2),
  cwd,
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
  stopSignal: () => stopSignal,
});
process.exitCode = exitCode;
