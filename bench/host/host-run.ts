// Runs the host's pipeline once on synthetic input that host-bench.ts wrote, in a process of
// its own so that its peak memory is measured alone: node dist/bench/host/host-run.js FOLDER.
// Prints one JSON line with the time of each step and the peak resident set size.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { applyBaseline } from '../../ts-host/baseline/apply.js';
import { readBaseline } from '../../ts-host/baseline/baseline-file.js';
import type { CheckResult } from '../../ts-host/check/result.js';
import { collectFindings, type CompiledLog } from '../../ts-host/findings/collect.js';
import { writeFileAtomic } from '../../ts-host/io/atomic-write.js';
import { buildSarifLog, formatSarifChunks } from '../../ts-host/report/sarif.js';
import { loadRuleHelp, type RuleHelp } from '../../ts-host/rules/help.js';
import { loadCatalog } from '../../ts-host/rules/catalog.js';
import { readCompilerLog } from '../../ts-host/sarif/compiler-log.js';
import type { SyntheticInput } from './synthetic.js';

export interface HostRun {
  findings: number;
  fresh: number;
  steps: Record<'read' | 'collect' | 'baseline' | 'sarif', number>;
  totalMs: number;
  /** User and system CPU time of the pipeline: on a machine shared with other builds it varies less than wall time. */
  cpuMs: number;
  maxRssMb: number;
}

async function main(folder: string): Promise<void> {
  const input = JSON.parse(await readFile(path.join(folder, 'input.json'), 'utf8')) as SyntheticInput;
  const rules = await loadCatalog();
  const help = new Map<string, RuleHelp>();
  for (const rule of rules) {
    help.set(rule.id, await loadRuleHelp(rule.id));
  }

  const steps = { read: 0, collect: 0, baseline: 0, sarif: 0 };
  const cpuBefore = process.cpuUsage();
  let mark = performance.now();
  const lap = (step: keyof typeof steps) => {
    const now = performance.now();
    steps[step] = now - mark;
    mark = now;
  };

  const collected = await readAndCollect(input, lap);

  const baseline = await readBaseline(input.baselineFile);
  const applied = await applyBaseline(collected.findings, input.root, input.baselineFile, baseline, '2026-01-01');
  lap('baseline');

  const result: CheckResult = {
    root: input.root,
    target: 'Bench.slnx',
    findings: applied.fresh,
    baseline: applied.outcome,
    suppressed: collected.suppressed,
    suppressedCount: collected.suppressedCount,
    build: { succeeded: true, exitCode: 0, complete: true, compiledProjects: [], compilerErrors: [], errorLines: [], omittedErrorLines: 0, logProblems: [] },
    failOn: 'error',
  };
  // NOTE: the CLI also checks GitHub's upload limits (25,000 results per run), which 100,000
  // findings exceed. That check is left out here, so that the writing itself is measured.
  const log = await buildSarifLog({ result, toolVersion: '0.0.0', informationUri: 'https://example.invalid/oqjob', rules, help, category: 'oqjob/', prefix: '', checkout: undefined, includeSuppressed: true });
  await writeFileAtomic(path.join(folder, 'report.sarif'), formatSarifChunks(log));
  lap('sarif');

  const totalMs = steps.read + steps.collect + steps.baseline + steps.sarif;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const run: HostRun = { findings: collected.findings.length, fresh: applied.fresh.length, steps, totalMs, cpuMs, maxRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

/** Reads every log and collects the findings; the parsed logs are garbage once it returns, as in runCheck. */
async function readAndCollect(input: SyntheticInput, lap: (step: 'read' | 'collect') => void) {
  const logs: CompiledLog[] = [];
  for (const manifest of input.manifests) {
    logs.push({ manifest, results: await readCompilerLog(manifest) });
  }
  lap('read');

  const collected = collectFindings(logs, input.root);
  lap('collect');
  return collected;
}

await main(process.argv[2] as string);
