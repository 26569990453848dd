import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { generateSolution } from '../../bench/generate/solution.js';
import { sizeNamed } from '../../bench/generate/sizes.js';
import { benchHost } from '../../bench/host/host-bench.js';
import { renderResults } from '../../bench/report/markdown.js';
import { benchSolution } from '../../bench/suite.js';

// Runs the benchmark's generator and harness once on the tiny size, so that they keep working.
// It asserts what the runs did, never how long they took.

test('bench - generator is deterministic', async (t) => {
  const first = await mkdtemp(path.join(os.tmpdir(), 'oqjob-bench-test-'));
  const second = await mkdtemp(path.join(os.tmpdir(), 'oqjob-bench-test-'));
  try {
    const a = await generateSolution(first, sizeNamed('tiny'));
    const b = await generateSolution(second, sizeNamed('tiny'));

    t.is(a.lines, b.lines);
    t.deepEqual(a.jobKinds, b.jobKinds);
    t.is(Object.values(a.jobKinds).reduce((sum, count) => sum + (count ?? 0), 0), sizeNamed('tiny').jobs);
    t.deepEqual(await readdir(path.join(first, 'bench-tiny'), { recursive: true }), await readdir(path.join(second, 'bench-tiny'), { recursive: true }));
  } finally {
    await rm(first, { recursive: true, force: true });
    await rm(second, { recursive: true, force: true });
  }
});

test('bench - harness runs every measurement', async (t) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'oqjob-bench-test-'));
  try {
    const solution = await generateSolution(folder, sizeNamed('tiny'));
    // The shared base project, one module and the two projects of the Oqtane stand-in.
    const compiles = 4;
    // Six builds of a small solution; on a busy 2-core machine that can take several minutes.
    t.timeout(30 * 60 * 1000);

    const result = await benchSolution(solution, { cold: 1, analyzer: 1, warm: 1, warmUp: 'restore' }, () => {});
    const host = await benchHost(500, 1);
    const markdown = renderResults({ machine: { cpus: 1, cpuModel: 'test', memoryGiB: 1, dotnetSdk: 'test', node: 'test', platform: 'test', loadStart: 0, loadEnd: 0 }, solutions: [result], host: [host], totalMinutes: 0 });

    t.deepEqual(result.cold.analysed, [compiles], 'the first check did not compile every project');
    t.deepEqual(result.warm.reused, [compiles], 'the second check did not reuse every analysis');
    t.deepEqual(result.warm.analysed, [0]);
    t.true((result.analyzer.runs[0]?.oqjobSeconds ?? 0) > 0, 'no oqjob analyzer time was read from the build log');
    t.true((result.analyzer.runs[0]?.compileSeconds ?? 0) > 0, 'no Csc time was read from the build log');
    t.true((result.analyzer.runs[0]?.compileSecondsWithout ?? 0) > 0, 'no Csc time was read from the build without the analyzer');
    t.regex(markdown, /\| Csc time added: median/);
    t.is(host.findings, 500);
    t.is(host.fresh, 250, 'the baseline did not accept every other finding');
    t.regex(markdown, /\| tiny: 2 \+ 2 projects, 12 jobs, 40 classes/);
    t.regex(markdown, /^\| 500 \| 1 \|/m);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
