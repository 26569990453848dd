import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { GeneratedSolution } from './generate/solution.js';
import { measureAnalyzerRound, type AnalyzerRound } from './measure/analyzer-share.js';
import { displayCommand, oqjobCheck, plainBuild, restore, type BenchCommand } from './measure/commands.js';
import { summarize, type Summary } from './measure/stats.js';
import { timeBlocks, timeCommand, timePair, type TimedRun } from './measure/timing.js';

/** Rounds of each measurement for one solution. */
export interface RoundPlan {
  /** First check (every project compiled) against a plain rebuild. */
  cold: number;
  /** Builds with the compiler's analyzer timing report. */
  analyzer: number;
  /** Second check (nothing changed) against a no-op plain build. */
  warm: number;
  /**
   * Untimed work first: a plain build restores packages and fills the file cache; a restore
   * alone is cheaper and still keeps package restore out of the first timed build.
   */
  warmUp: 'build' | 'restore';
}

export interface PairResult {
  check: Summary;
  plain: Summary;
  /** Median of the check over median of the plain build. */
  ratio: number;
  /** The same ratio within each round, for its spread. */
  roundRatios: Summary;
  /** Compiles per check that were analysed in the run and that were reused, from --debug. */
  analysed: number[];
  reused: number[];
  commands: { check: string; plain: string };
}

export interface SolutionResult {
  solution: Omit<GeneratedSolution, 'root' | 'solutionFile'>;
  rounds: RoundPlan;
  cold: PairResult;
  analyzer: {
    runs: AnalyzerRound[];
    share: Summary;
    secondsPerThousandClasses: Summary;
    /** Csc time that the analyzer adds, over the Csc time of the same build without it. */
    addedCompileShare: Summary;
    /** The same for the wall time of the whole build. */
    addedWallShare: Summary;
    command: string;
  };
  warm: PairResult;
}

type Progress = (line: string) => void;

/** Measures one generated solution: cold check against rebuild, the analyzer's share, warm check against no-op build. */
export async function benchSolution(solution: GeneratedSolution, rounds: RoundPlan, progress: Progress): Promise<SolutionResult> {
  const cwd = solution.root;
  const reportFile = path.join(cwd, 'oqjob-report.json');
  const check = oqjobCheck(solution.solutionFile, cwd, reportFile);

  progress(`${solution.size.name}: warm-up ${rounds.warmUp}`);
  await timeCommand(rounds.warmUp === 'build' ? plainBuild(solution.solutionFile, cwd, false) : restore(solution.solutionFile, cwd));

  progress(`${solution.size.name}: oqjob check with every project compiled, against dotnet build --no-incremental`);
  // Removing the stored logs makes every compile of the check run again, as on a first check.
  const cold = await measurePair(check, plainBuild(solution.solutionFile, cwd, true), rounds.cold, () => removeStoredLogs(cwd), progress);

  progress(`${solution.size.name}: second oqjob check with nothing changed, against a no-op dotnet build`);
  // With an odd number of rounds the check ran last. Its block then comes first and needs no
  // untimed run, and the other block starts with one.
  const checkRanLast = rounds.cold % 2 === 1;
  const warm = await measureBlocks(check, plainBuild(solution.solutionFile, cwd, false), rounds.warm, checkRanLast, progress);

  progress(`${solution.size.name}: analyzer timing report`);
  const runs: AnalyzerRound[] = [];
  for (let round = 0; round < rounds.analyzer; round++) {
    runs.push(await measureAnalyzerRound(solution.solutionFile, cwd, round));
  }

  const classes = solution.size.classes + solution.size.jobs;
  const { root: _root, solutionFile: _file, ...description } = solution;
  return {
    solution: description,
    rounds,
    cold,
    analyzer: {
      runs,
      share: summarize(runs.map((run) => run.oqjobSeconds / run.compileSeconds)),
      secondsPerThousandClasses: summarize(runs.map((run) => (run.oqjobSeconds * 1000) / classes)),
      addedCompileShare: summarize(runs.map((run) => run.compileSeconds / run.compileSecondsWithout - 1)),
      addedWallShare: summarize(runs.map((run) => run.wallSeconds / run.wallSecondsWithout - 1)),
      command: 'dotnet build SOLUTION --no-incremental (flags as above) -p:CustomAfterMicrosoftCommonTargets=dist/ts-host/dotnet/oqjob.targets -p:OqjobAnalyzerPath=dist/analyzer/Oqjob.Analyzers.dll -p:ReportAnalyzer=true "-flp:logfile=build.log;verbosity=detailed;performancesummary", and the same with -p:OqjobAnalyzerPath= (empty)',
    },
    warm,
  };
}

async function measurePair(check: BenchCommand, plain: BenchCommand, rounds: number, prepareCheck: (() => Promise<void>) | undefined, progress: Progress): Promise<PairResult> {
  const { analysed, reused, inspect } = compileCounts();
  const [checkTimes, plainTimes] = await timePair({ command: check, inspect, ...(prepareCheck ? { prepare: prepareCheck } : {}) }, { command: plain }, rounds, progress);
  return pairResult(check, plain, checkTimes, plainTimes, analysed, reused);
}

function pairResult(check: BenchCommand, plain: BenchCommand, checkTimes: number[], plainTimes: number[], analysed: number[], reused: number[]): PairResult {
  const checkSummary = summarize(checkTimes.map(toSeconds));
  const plainSummary = summarize(plainTimes.map(toSeconds));
  return {
    check: checkSummary,
    plain: plainSummary,
    ratio: checkSummary.median / plainSummary.median,
    roundRatios: summarize(checkTimes.map((time, round) => time / (plainTimes[round] as number))),
    analysed,
    reused,
    commands: { check: displayCommand(check), plain: displayCommand(plain) },
  };
}

/** Times the check and the plain build in blocks of `rounds` runs each (see timeBlocks); `checkFirst` orders the blocks. */
async function measureBlocks(check: BenchCommand, plain: BenchCommand, rounds: number, checkFirst: boolean, progress: Progress): Promise<PairResult> {
  const { analysed, reused, inspect } = compileCounts();
  const checkBlock = { command: check, inspect, settle: !checkFirst };
  const plainBlock = { command: plain, settle: checkFirst };
  const times = await timeBlocks(checkFirst ? [checkBlock, plainBlock] : [plainBlock, checkBlock], rounds, progress);
  const [checkTimes, plainTimes] = checkFirst ? [times[0]!, times[1]!] : [times[1]!, times[0]!];
  return pairResult(check, plain, checkTimes, plainTimes, analysed, reused);
}

/** Returns the per-check counts of compiles analysed and reused, and the inspector that fills them from --debug output. */
function compileCounts(): { analysed: number[]; reused: number[]; inspect: (run: TimedRun) => void } {
  const analysed: number[] = [];
  const reused: number[] = [];
  const inspect = (run: TimedRun) => {
    analysed.push(countLines(run.stderr, /^debug: compiled and analysed in this run: /gm));
    reused.push(countLines(run.stderr, /^debug: compile up to date, analysis reused: /gm));
  };
  return { analysed, reused, inspect };
}

/** Deletes every obj/.../oqjob/ folder below `folder`, where oqjob.targets keeps the compiler logs. */
async function removeStoredLogs(folder: string): Promise<void> {
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory() && entry.name === 'oqjob' && entry.parentPath.split(path.sep).includes('obj')) {
      await rm(path.join(entry.parentPath, entry.name), { recursive: true, force: true });
    }
  }
}

function countLines(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function toSeconds(ms: number): number {
  return ms / 1000;
}
