import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { summarize, type Summary } from '../measure/stats.js';
import type { HostRun } from './host-run.js';
import { writeSyntheticInput } from './synthetic.js';

export interface HostBenchResult {
  findings: number;
  /** Wall time in seconds. */
  time: Summary;
  /** User and system CPU time in seconds. */
  cpu: Summary;
  /** Median time of each step, in milliseconds. */
  steps: HostRun['steps'];
  maxRssMb: Summary;
  /** Findings left after the baseline, to show the baseline did its work. */
  fresh: number;
}

const runner = path.join(path.dirname(fileURLToPath(import.meta.url)), 'host-run.js');

/** Writes synthetic input with `count` findings once, then runs the host on it `rounds` times, each in a new process. */
export async function benchHost(count: number, rounds: number, extraNodeArgs: string[] = []): Promise<HostBenchResult> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'oqjob-bench-host-'));
  try {
    const input = await writeSyntheticInput(folder, count);
    await writeFile(path.join(folder, 'input.json'), JSON.stringify(input));
    const runs: HostRun[] = [];
    for (let round = 0; round < rounds; round++) {
      const child = await execa(process.execPath, [...extraNodeArgs, runner, folder], { cwd: folder });
      runs.push(JSON.parse(String(child.stdout)) as HostRun);
    }

    const median = (pick: (run: HostRun) => number) => summarize(runs.map(pick)).median;
    return {
      findings: runs[0]!.findings,
      time: summarize(runs.map((run) => run.totalMs / 1000)),
      cpu: summarize(runs.map((run) => run.cpuMs / 1000)),
      steps: { read: median((run) => run.steps.read), collect: median((run) => run.steps.collect), baseline: median((run) => run.steps.baseline), sarif: median((run) => run.steps.sarif) },
      maxRssMb: summarize(runs.map((run) => run.maxRssMb)),
      fresh: runs[0]!.fresh,
    };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
