import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import { copyFixtures, runCli } from '../helpers/fixtures.js';

// Usage errors that oqjob finds before it starts a build, so each run takes about a second.

test('check - --baseline and --no-baseline together exit 2', async (t) => {
  const folder = await copyFixtures('sample-module');
  for (const order of [['--baseline', 'b.json', '--no-baseline'], ['--no-baseline', '--baseline', 'b.json']]) {
    const run = await runCli(['check', 'sample-module', ...order], folder);
    t.is(run.exitCode, 2, order.join(' '));
    t.regex(run.stderr, /--baseline and --no-baseline cannot be used together/);
  }
});

test('check - a missing --baseline file fails before the build', async (t) => {
  const folder = await copyFixtures('sample-module');
  const run = await runCli(['check', 'sample-module', '--baseline', 'missing.json'], folder);
  t.is(run.exitCode, 2);
  t.regex(run.stderr, /Cannot read the baseline ".*missing\.json"/);
  t.notRegex(run.stderr, /Building|Restoring/);
});

test('check - a timeout beyond what a timer holds exits 2', async (t) => {
  const folder = await copyFixtures('sample-module');
  const run = await runCli(['check', 'sample-module', '--timeout', '3000000'], folder);
  t.is(run.exitCode, 2);
  t.regex(run.stderr, /"3000000" of --timeout is not a number of seconds between 0 and 2147483/);
});

test('baseline - a folder at the baseline path exits 2', async (t) => {
  const folder = await copyFixtures('sample-module');
  await mkdir(path.join(folder, 'sample-module', 'oqjob-baseline.json'));
  const run = await runCli(['baseline', 'sample-module'], folder);
  t.is(run.exitCode, 2);
  t.regex(run.stderr, /is a folder/);
});

test('check - an unusable TMPDIR names the folder and the fix', async (t) => {
  const folder = await copyFixtures('sample-module');
  const run = await runCli(['check', 'sample-module'], folder, { TMPDIR: path.join(folder, 'no-such-folder') });
  t.is(run.exitCode, 2, run.stderr);
  t.regex(run.stderr, /The temporary folder ".*no-such-folder" cannot be used: ENOENT\./);
  t.regex(run.stderr, /Set TMPDIR to a folder that exists/);
});
