import type { HostBenchResult } from '../host/host-bench.js';
import type { AnalyzerRound } from '../measure/analyzer-share.js';
import { summarize, type Summary } from '../measure/stats.js';
import type { PairResult, SolutionResult } from '../suite.js';
import type { MachineInfo } from './machine.js';

export interface BenchResults {
  machine: MachineInfo;
  solutions: SolutionResult[];
  host: HostBenchResult[];
  totalMinutes: number;
  /** Sizes not measured yet when the page was written. */
  pending?: string[];
}

export const goals = {
  coldRatio: 1.1,
  analyzerShare: 0.03,
  warmRatio: 1.2,
  hostSeconds: 2,
  hostMemoryMb: 500,
} as const;

/** Renders the measured tables and the goal verdicts as markdown. */
export function renderResults(measured: BenchResults): string {
  const results = { ...measured, solutions: [...measured.solutions].sort((a, b) => a.solution.size.classes - b.solution.size.classes) };
  return [
    machineSection(results),
    coldSection(results.solutions),
    analyzerSection(results.solutions),
    warmSection(results.solutions),
    hostSection(results.host),
    verdictSection(results),
  ].join('\n\n');
}

function machineSection({ machine, totalMinutes, pending }: BenchResults): string {
  return [
    ...(pending && pending.length > 0 ? [`**Incomplete run: the sizes ${pending.join(', ')} were not measured yet when this was written.**`, ''] : []),
    '### Machine',
    '',
    `${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, ${machine.platform}, .NET SDK ${machine.dotnetSdk}, Node ${machine.node}.`,
    `One-minute load average ${machine.loadStart.toFixed(1)} at the start and ${(machine.loadEnd ?? 0).toFixed(1)} at the end; the run took ${totalMinutes.toFixed(1)} minutes${pending && pending.length > 0 ? ' up to this point' : ' in total'}.`,
  ].join('\n');
}

function coldSection(solutions: SolutionResult[]): string {
  return pairSection('### a. First check against a full rebuild', 'Every stored log is removed before each check, so every project is compiled and analysed.', solutions, (result) => result.cold, `at most ${goals.coldRatio}`);
}

function warmSection(solutions: SolutionResult[]): string {
  return pairSection('### c. Second check against a no-op build', 'Nothing changed between runs; the check reads the stored logs.', solutions, (result) => result.warm, `at most ${goals.warmRatio}`);
}

function pairSection(title: string, note: string, solutions: SolutionResult[], pick: (result: SolutionResult) => PairResult, goal: string): string {
  const first = solutions[0];
  const rows = solutions.map((result) => {
    const pair = pick(result);
    return `| ${sizeCell(result)} | ${pair.check.samples.length} | ${seconds(pair.check)} | ${seconds(pair.plain)} | ${pair.ratio.toFixed(2)} (${range(pair.roundRatios, 2)}) | ${compileCounts(pair)} |`;
  });
  return [
    title,
    '',
    note,
    ...(first ? ['', `- check: \`${pick(first).commands.check}\``, `- plain: \`${pick(first).commands.plain}\``] : []),
    '',
    `| Solution | Rounds | oqjob check, s: median (min–max) | plain build, s: median (min–max) | Ratio of medians (per round) — goal ${goal} | Compiles analysed / reused per check |`,
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function analyzerSection(solutions: SolutionResult[]): string {
  const rows = solutions.map((result) => {
    const runs = result.analyzer.runs;
    const mean = (pick: (run: AnalyzerRound) => number) => meanOf(runs, pick);
    return `| ${sizeCell(result)} | ${runs.length} | ${mean((run) => run.compileSeconds).toFixed(1)} | ${mean((run) => run.allAnalyzersSeconds).toFixed(1)} | ${mean((run) => run.oqjobSeconds).toFixed(2)} | ${percent(result.analyzer.share)} | ${result.analyzer.secondsPerThousandClasses.median.toFixed(3)} (${range(result.analyzer.secondsPerThousandClasses, 3)}) |`;
  });
  return [
    '### b. The analyzer\'s share of compile time',
    '',
    'From a full rebuild with the analyzer injected as oqjob does and the compiler\'s analyzer report on. Compile time is the Csc task time of MSBuild\'s performance summary, summed over projects; analyzer times are what csc reports with /reportanalyzer, summed over projects. The compiler runs analyzers on several threads, so analyzer time is CPU time that partly overlaps the compile\'s wall time.',
    '',
    `- \`${solutions[0]?.analyzer.command ?? ''}\``,
    '',
    `| Solution | Runs | Csc time, s (mean) | All analyzers, s (mean) | oqjob analyzer, s (mean) | oqjob share of Csc time: median (min–max) — goal at most ${goals.analyzerShare * 100}% | oqjob analyzer s per 1,000 classes: median (min–max) |`,
    '|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'The same build without the analyzer, run next to each reporting build in alternating order, shows what the analyzer adds. Its time in the report includes work that the compiler would do anyway, for whichever analyzer asks first.',
    '',
    '| Solution | Runs | Csc time with / without the analyzer, s (mean) | Csc time added: median (min–max) | Build wall time with / without, s (mean) | Wall time added: median (min–max) |',
    '|---|---|---|---|---|---|',
    ...solutions.map(addedRow),
  ].join('\n');
}

function addedRow(result: SolutionResult): string {
  const runs = result.analyzer.runs;
  const mean = (pick: (run: AnalyzerRound) => number) => meanOf(runs, pick).toFixed(1);
  const compile = `${mean((run) => run.compileSeconds)} / ${mean((run) => run.compileSecondsWithout)}`;
  const wall = `${mean((run) => run.wallSeconds)} / ${mean((run) => run.wallSecondsWithout)}`;
  return `| ${sizeCell(result)} | ${runs.length} | ${compile} | ${percent(result.analyzer.addedCompileShare)} | ${wall} | ${percent(result.analyzer.addedWallShare)} |`;
}

function meanOf(runs: AnalyzerRound[], pick: (run: AnalyzerRound) => number): number {
  return runs.reduce((sum, run) => sum + pick(run), 0) / runs.length;
}

function hostSection(host: HostBenchResult[]): string {
  const rows = host.map((result) => {
    const perThousand = (result.cpu.median / result.findings) * 1000;
    return `| ${result.findings.toLocaleString('en-US')} | ${result.time.samples.length} | ${seconds(result.time)} | ${seconds(result.cpu)} | ${perThousand.toFixed(3)} | ${stepCells(result)} | ${result.maxRssMb.median.toFixed(0)} (${range(result.maxRssMb, 0)}) |`;
  });
  return [
    '### d. The host alone on synthetic findings',
    '',
    'The input is synthetic: compiler logs of 20 projects with 50 findings per source file of 300 lines, a tenth of the findings repeated in a second log, and a tenth of extra compiler warnings. A baseline accepts every other finding and has 2% stale entries. Each run is a new Node process that reads the logs, collects and deduplicates the findings, applies the baseline and writes the SARIF report with suppressed and baselined results included: `node dist/bench/host/host-run.js FOLDER`.',
    '',
    `| Findings | Runs | Wall time, s: median (min–max) — goal under ${goals.hostSeconds} s at 100,000 | CPU time (user + system), s | CPU s per 1,000 findings | Median ms per step: read, collect, baseline, SARIF | Peak RSS, MB — goal under ${goals.hostMemoryMb} |`,
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

function verdictSection(results: BenchResults): string {
  const largest = results.solutions[results.solutions.length - 1];
  const smallest = results.solutions[0];
  const host = results.host[results.host.length - 1];
  const hostSmall = results.host[0];
  const lines = ['### Goals', ''];
  if (largest && smallest) {
    lines.push(verdict(`a. check / rebuild on ${largest.solution.size.name} at most ${goals.coldRatio}`, largest.cold.ratio <= goals.coldRatio, largest.cold.ratio.toFixed(2)));
    lines.push(verdict(`b. analyzer share at most ${goals.analyzerShare * 100}% on every size`, results.solutions.every((result) => result.analyzer.share.median <= goals.analyzerShare), results.solutions.map((result) => percent(result.analyzer.share, false)).join(', ')));
    const growth = largest.analyzer.secondsPerThousandClasses.median / smallest.analyzer.secondsPerThousandClasses.median;
    lines.push(verdict(`b. (explanation, not the goal's measure) Csc time added by the analyzer at most ${goals.analyzerShare * 100}% on every size`, results.solutions.every((result) => result.analyzer.addedCompileShare.median <= goals.analyzerShare), results.solutions.map((result) => percent(result.analyzer.addedCompileShare, false)).join(', ')));
    lines.push(verdict(`b. analyzer time per class no worse on ${largest.solution.size.name} than on ${smallest.solution.size.name}`, growth <= 1, `${growth.toFixed(2)} times`));
    lines.push(verdict(`c. second check / no-op build on ${largest.solution.size.name} at most ${goals.warmRatio}`, largest.warm.ratio <= goals.warmRatio, largest.warm.ratio.toFixed(2)));
  }

  if (host && hostSmall) {
    lines.push(verdict(`d. ${host.findings.toLocaleString('en-US')} findings in under ${goals.hostSeconds} s wall time`, host.time.median < goals.hostSeconds, `${host.time.median.toFixed(2)} s wall, ${host.cpu.median.toFixed(2)} s CPU`));
    lines.push(verdict(`d. peak memory under ${goals.hostMemoryMb} MB`, host.maxRssMb.median < goals.hostMemoryMb, `${host.maxRssMb.median.toFixed(0)} MB`));
    const growth = host.cpu.median / host.findings / (hostSmall.cpu.median / hostSmall.findings);
    lines.push(verdict('d. time linear in findings (CPU time per finding at most 1.5 times that of the smallest size)', growth <= 1.5, `${growth.toFixed(2)} times`));
  }

  return lines.join('\n');
}

function verdict(goal: string, met: boolean, measured: string): string {
  return `- ${met ? 'met' : 'NOT met'}: ${goal} (measured: ${measured})`;
}

function sizeCell(result: SolutionResult): string {
  const { size, lines } = result.solution;
  return `${size.name}: ${size.projects} + 2 projects, ${size.jobs.toLocaleString('en-US')} jobs, ${size.classes.toLocaleString('en-US')} classes, ${lines.toLocaleString('en-US')} lines`;
}

function compileCounts(pair: PairResult): string {
  return `${range(summarize(pair.analysed), 0)} / ${range(summarize(pair.reused), 0)}`;
}

function stepCells(result: HostBenchResult): string {
  return [result.steps.read, result.steps.collect, result.steps.baseline, result.steps.sarif].map((ms) => ms.toFixed(0)).join(', ');
}

function seconds(summary: Summary): string {
  return `${summary.median.toFixed(2)} (${range(summary, 2)})`;
}

function range(summary: Summary, digits: number): string {
  const low = summary.min.toFixed(digits);
  const high = summary.max.toFixed(digits);
  return low === high ? low : `${low}–${high}`;
}

function percent(summary: Summary, withRange = true): string {
  const median = `${(summary.median * 100).toFixed(2)}%`;
  return withRange ? `${median} (${(summary.min * 100).toFixed(2)}–${(summary.max * 100).toFixed(2)}%)` : median;
}
