// npm run bench: generates synthetic module solutions, times oqjob check against plain
// dotnet builds of the same solutions, measures the host alone on synthetic findings, prints
// the tables and writes them into docs/benchmarks.md.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateSolution } from './generate/solution.js';
import { sizeNamed } from './generate/sizes.js';
import { benchHost, type HostBenchResult } from './host/host-bench.js';
import { updateDocument } from './report/document.js';
import { describeMachine } from './report/machine.js';
import { renderResults, type BenchResults } from './report/markdown.js';
import { repoRoot } from './paths.js';
import { benchSolution, type RoundPlan, type SolutionResult } from './suite.js';

// One full build of the large size takes minutes on a 2-core machine, so it gets one round of
// each full build and a restore as its warm-up. The no-op builds get more rounds because they
// are cheap, and so do the analyzer's builds on the smaller sizes, whose difference is small. NOTE: sized for a 2-core machine without other builds. With three other agents
// building on the same cores (load average above 40), a run took more than 30 minutes.
const defaultPlans: Record<string, RoundPlan> = {
  small: { cold: 2, analyzer: 2, warm: 3, warmUp: 'build' },
  medium: { cold: 2, analyzer: 2, warm: 2, warmUp: 'build' },
  large: { cold: 1, analyzer: 1, warm: 2, warmUp: 'restore' },
};

const { values } = parseArgs({
  options: {
    // The large size comes second, so that a run stopped on a busy machine has measured it.
    sizes: { type: 'string', default: 'small,large,medium' },
    rounds: { type: 'string', description: 'the same rounds for every phase and size, instead of the defaults' },
    'host-findings': { type: 'string', default: '10000,100000' },
    'host-rounds': { type: 'string', default: '3' },
    output: { type: 'string', default: path.join(repoRoot, 'docs', 'benchmarks.md') },
    'no-write': { type: 'boolean', default: false },
  },
});

const started = Date.now();
const progress = (line: string) => console.error(line);
const machine = await describeMachine();
const sizes = (values.sizes ?? '').split(',').filter(Boolean);
const solutions: SolutionResult[] = [];
const host: HostBenchResult[] = [];

// The host part takes a few minutes and comes first. The page is rewritten after every size,
// so that a run stopped on a busy machine still leaves what it measured.
for (const count of (values['host-findings'] ?? '').split(',').filter(Boolean).map(Number)) {
  progress(`host: ${count} synthetic findings`);
  host.push(await benchHost(count, Number(values['host-rounds'])));
}

await publish();
for (const name of sizes) {
  solutions.push(await benchSize(name));
  await publish();
}

async function publish(): Promise<void> {
  machine.loadEnd = os.loadavg()[0] as number;
  const pending = sizes.slice(solutions.length);
  const results: BenchResults = { machine, solutions, host, totalMinutes: (Date.now() - started) / 60000, pending };
  const markdown = renderResults(results);
  if (pending.length === 0) {
    console.log(markdown);
  }

  if (!values['no-write']) {
    await updateDocument(values.output as string, markdown);
    progress(`written to ${path.relative(process.cwd(), values.output as string)}`);
  }
}

async function benchSize(name: string): Promise<SolutionResult> {
  const size = sizeNamed(name);
  const fixed = values.rounds === undefined ? undefined : Number(values.rounds);
  const rounds: RoundPlan = fixed === undefined ? (defaultPlans[name] ?? { cold: 1, analyzer: 1, warm: 1, warmUp: 'build' }) : { cold: fixed, analyzer: fixed, warm: fixed, warmUp: 'build' };
  // Generated outside the repository and removed afterwards: thousands of files, never committed.
  const folder = await mkdtemp(path.join(os.tmpdir(), `oqjob-bench-${name}-`));
  try {
    progress(`${name}: generating into ${folder}`);
    const solution = await generateSolution(folder, size);
    return await benchSolution(solution, rounds, progress);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
