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

// Chosen so that the whole run stays under 20 minutes on a 2-core machine shared with other
// builds. The large size gets the fewest rounds, because one full build of it takes minutes.
const defaultPlans: Record<string, RoundPlan> = {
  small: { cold: 5, analyzer: 2, warm: 5, warmUp: true },
  medium: { cold: 3, analyzer: 1, warm: 3, warmUp: true },
  large: { cold: 3, analyzer: 1, warm: 3, warmUp: true },
};

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: 'small,medium,large' },
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
const solutions: SolutionResult[] = [];
for (const name of (values.sizes ?? '').split(',').filter(Boolean)) {
  solutions.push(await benchSize(name));
}

const host: HostBenchResult[] = [];
for (const count of (values['host-findings'] ?? '').split(',').filter(Boolean).map(Number)) {
  progress(`host: ${count} synthetic findings`);
  host.push(await benchHost(count, Number(values['host-rounds'])));
}

machine.loadEnd = os.loadavg()[0] as number;
const results: BenchResults = { machine, solutions, host, totalMinutes: (Date.now() - started) / 60000 };
const markdown = renderResults(results);
console.log(markdown);
if (!values['no-write']) {
  await updateDocument(values.output as string, markdown);
  progress(`written to ${path.relative(process.cwd(), values.output as string)}`);
}

async function benchSize(name: string): Promise<SolutionResult> {
  const size = sizeNamed(name);
  const fixed = values.rounds === undefined ? undefined : Number(values.rounds);
  const rounds = fixed === undefined ? (defaultPlans[name] ?? { cold: 1, analyzer: 1, warm: 1, warmUp: true }) : { cold: fixed, analyzer: fixed, warm: fixed, warmUp: true };
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
