#!/usr/bin/env node
import { runCli } from './program.js';

// The process edge: arguments, signals and the exit code are handled here and nowhere else.
const controller = new AbortController();
let stopSignal: NodeJS.Signals | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopSignal = signal;
    controller.abort();
  });
}

const exitCode = await runCli({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: controller.signal,
  stopSignal: () => stopSignal,
});
process.exitCode = exitCode;
