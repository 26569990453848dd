import { performance } from 'node:perf_hooks';
import { execa } from 'execa';
import type { BenchCommand } from './commands.js';

export interface TimedRun {
  ms: number;
  stdout: string;
  stderr: string;
}

// Far above the largest size's full build on a busy 2-core machine (about 3 minutes).
const commandTimeoutMs = 20 * 60 * 1000;

function killGroup(pid: number | undefined): void {
  if (pid === undefined) {
    return;
  }

  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group ended with its leader, as it should.
  }
}

/** Runs the command once and returns its wall-clock time; throws when it did not do its work. */
export async function timeCommand(command: BenchCommand): Promise<TimedRun> {
  const start = performance.now();
  // Its own process group and a time limit, so that a build that hangs fails the bench
  // instead of stalling it, and leaves no MSBuild node behind.
  const subprocess = execa(command.file, command.args, {
    cwd: command.cwd,
    reject: false,
    stdin: 'ignore',
    detached: true,
    timeout: commandTimeoutMs,
    env: { DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1', NO_COLOR: '1', CI: 'true' },
  });
  const result = await subprocess;
  const ms = performance.now() - start;
  killGroup(subprocess.pid);
  if (!command.okExitCodes.includes(result.exitCode ?? -1)) {
    const output = `${String(result.stdout)}\n${String(result.stderr)}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(`${command.label} exited with code ${result.exitCode}:\n${output}`);
  }

  return { ms, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** One step of a round: an optional untimed preparation, then the timed command. */
export interface PairStep {
  command: BenchCommand;
  prepare?: () => Promise<void>;
  /** Called with every timed run, for checks on what the run did. */
  inspect?: (run: TimedRun) => void;
}

/**
 * Times two commands for `rounds` rounds, swapping their order every round, so that a
 * drift in machine load (other builds on a shared machine) falls on both alike.
 */
export async function timePair(first: PairStep, second: PairStep, rounds: number, progress: (line: string) => void): Promise<[number[], number[]]> {
  const times: [number[], number[]] = [[], []];
  for (let round = 0; round < rounds; round++) {
    // Odd rounds end with the first command, so with an odd number of rounds it runs last.
    const order: Array<[PairStep, number]> = round % 2 === 0 ? [[second, 1], [first, 0]] : [[first, 0], [second, 1]];
    for (const [step, slot] of order) {
      times[slot]!.push(await timeStep(step, `round ${round + 1}/${rounds}`, progress));
    }
  }

  return times;
}

/** A command timed several times in a row, after one untimed run of it when `settle` is set. */
export interface BlockStep extends PairStep {
  settle: boolean;
}

/**
 * Times each command `rounds` times in a row, one block after the other. For no-op builds
 * that must not alternate: a check's compile differs from a plain one on purpose, so each
 * compiles again after the other, and the untimed run brings the outputs to that command's state.
 */
export async function timeBlocks(blocks: BlockStep[], rounds: number, progress: (line: string) => void): Promise<number[][]> {
  const times: number[][] = [];
  for (const block of blocks) {
    if (block.settle) {
      progress(`  untimed: ${block.command.label}`);
      await timeCommand(block.command);
    }

    const blockTimes: number[] = [];
    for (let round = 0; round < rounds; round++) {
      blockTimes.push(await timeStep(block, `run ${round + 1}/${rounds}`, progress));
    }

    times.push(blockTimes);
  }

  return times;
}

/** Prepares and times one run of the step, reports it under `label` and returns its milliseconds. */
async function timeStep(step: PairStep, label: string, progress: (line: string) => void): Promise<number> {
  await step.prepare?.();
  const run = await timeCommand(step.command);
  step.inspect?.(run);
  progress(`  ${label}: ${step.command.label} ${(run.ms / 1000).toFixed(1)} s`);
  return run.ms;
}
