import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { analyzerPath, targetsPath } from '../paths.js';
import { plainBuild, type BenchCommand } from './commands.js';
import { timeCommand } from './timing.js';

/** The analyzer's share of compile time in one full build, from the compiler's own report. */
export interface AnalyzerShare {
  /** Execution time of oqjob's analyzers, summed over projects, as csc /reportanalyzer prints it. */
  oqjobSeconds: number;
  /** Execution time of every analyzer and generator in the same compiles. */
  allAnalyzersSeconds: number;
  /** Time of the Csc task, summed over projects, from MSBuild's performance summary. */
  compileSeconds: number;
}

/** One round: the reporting build with the analyzer, and the same build without it. */
export interface AnalyzerRound extends AnalyzerShare {
  /** Csc time of the same build without the oqjob analyzer. */
  compileSecondsWithout: number;
  /** Wall time of the whole build with and without the analyzer. */
  wallSeconds: number;
  wallSecondsWithout: number;
}

/**
 * Runs a full rebuild with the oqjob analyzer injected as oqjob does, with the compiler's
 * analyzer timing report on, and the same build without the analyzer, in an order that
 * alternates with the round. The report attributes to an analyzer the work that it triggers
 * first, such as binding method bodies and loading referenced symbols, which the compiler
 * shares. The build without the analyzer measures what the analyzer adds.
 * The report is written only at detailed verbosity, so each log goes to a file that is read
 * line by line and then removed.
 */
export async function measureAnalyzerRound(solutionFile: string, cwd: string, round: number): Promise<AnalyzerRound> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'oqjob-bench-report-'));
  try {
    const measureWith = () => reportedBuild(reportingBuild(solutionFile, cwd, work, path.join(work, 'with.log')));
    const measureWithout = () => reportedBuild(reportingBuild(solutionFile, cwd, work, path.join(work, 'without.log'), false));
    const withFirst = round % 2 === 0;
    const first = await (withFirst ? measureWith() : measureWithout());
    const second = await (withFirst ? measureWithout() : measureWith());
    const [withAnalyzer, withoutAnalyzer] = withFirst ? [first, second] : [second, first];
    return {
      ...withAnalyzer.share,
      compileSecondsWithout: withoutAnalyzer.share.compileSeconds,
      wallSeconds: withAnalyzer.wallSeconds,
      wallSecondsWithout: withoutAnalyzer.wallSeconds,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function reportedBuild(command: BenchCommand & { logFile: string; analyzerRuns: boolean }): Promise<{ share: AnalyzerShare; wallSeconds: number }> {
  const run = await timeCommand(command);
  return { share: await parseBuildLog(command.logFile, command.analyzerRuns), wallSeconds: run.ms / 1000 };
}

/**
 * Returns the reporting build. Without the analyzer, OqjobAnalyzerPath is empty: oqjob.targets
 * then adds no analyzer but still sets the error log and leaves out the same analyzers.
 */
export function reportingBuild(solutionFile: string, cwd: string, work: string, logFile: string, withAnalyzer = true): BenchCommand & { logFile: string; analyzerRuns: boolean } {
  const base = plainBuild(solutionFile, cwd, true);
  return {
    ...base,
    label: `dotnet build --no-incremental ${withAnalyzer ? 'with' : 'without'} the analyzer and -p:ReportAnalyzer=true`,
    logFile,
    analyzerRuns: withAnalyzer,
    args: [
      ...base.args,
      `-p:CustomAfterMicrosoftCommonTargets=${targetsPath}`,
      `-p:OqjobAnalyzerPath=${withAnalyzer ? analyzerPath : ''}`,
      `-p:OqjobLogDirectory=${work}${path.sep}`,
      // A name of its own, so the reports of this build never stand in for a check's logs.
      '-p:OqjobAnalyzerIdentity=benchreport',
      '-p:ReportAnalyzer=true',
      `-flp:logfile=${logFile};verbosity=detailed;performancesummary`,
    ],
  };
}

// Lines of csc's report: "   8.481   41   Oqjob.Analyzers, Version=0.1.0.0, ..." (the percent may be "<1").
const oqjobLine = /^\s*([\d.]+)\s+<?\d+\s+Oqjob\.Analyzers, Version=/;
const totalLine = /Total analyzer execution time: ([\d.]+) seconds/;
// MSBuild's task performance summary: "   169075 ms  Csc      5 calls".
const cscLine = /^\s*(\d+) ms\s+Csc\s+\d+ calls/;

export async function parseBuildLog(logFile: string, analyzerRuns = true): Promise<AnalyzerShare> {
  const share: AnalyzerShare = { oqjobSeconds: 0, allAnalyzersSeconds: 0, compileSeconds: 0 };
  const lines = createInterface({ input: createReadStream(logFile, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    const oqjob = oqjobLine.exec(line);
    const total = totalLine.exec(line);
    const csc = cscLine.exec(line);
    if (oqjob) {
      share.oqjobSeconds += Number(oqjob[1]);
    } else if (total) {
      share.allAnalyzersSeconds += Number(total[1]);
    } else if (csc) {
      share.compileSeconds += Number(csc[1]) / 1000;
    }
  }

  if (share.compileSeconds === 0 || share.allAnalyzersSeconds === 0) {
    throw new Error(`The build log ${logFile} has no Csc time or no analyzer report; the format of MSBuild or csc may have changed.`);
  }

  if (analyzerRuns && share.oqjobSeconds === 0) {
    throw new Error(`The build log ${logFile} has no time for the oqjob analyzer, so the analyzer did not run in the reporting build.`);
  }

  if (!analyzerRuns && share.oqjobSeconds > 0) {
    throw new Error(`The build log ${logFile} has a time for the oqjob analyzer, which the build without it must not load.`);
  }

  return share;
}
