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

/**
 * Runs a full rebuild with the oqjob analyzer injected as oqjob does, with the compiler's
 * analyzer timing report on, and reads the detailed build log. The report is written only at
 * detailed verbosity, so the log goes to a file that is read line by line and then removed.
 */
export async function measureAnalyzerShare(solutionFile: string, cwd: string): Promise<AnalyzerShare> {
  const work = await mkdtemp(path.join(os.tmpdir(), 'oqjob-bench-report-'));
  try {
    const logFile = path.join(work, 'build.log');
    const command = reportingBuild(solutionFile, cwd, work, logFile);
    await timeCommand(command);
    return await parseBuildLog(logFile);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Returns the build command, for the report. */
export function reportingBuild(solutionFile: string, cwd: string, work: string, logFile: string): BenchCommand {
  const base = plainBuild(solutionFile, cwd, true);
  return {
    ...base,
    label: 'dotnet build --no-incremental with the analyzer and -p:ReportAnalyzer=true',
    args: [
      ...base.args,
      `-p:CustomAfterMicrosoftCommonTargets=${targetsPath}`,
      `-p:OqjobAnalyzerPath=${analyzerPath}`,
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

export async function parseBuildLog(logFile: string): Promise<AnalyzerShare> {
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

  return share;
}
