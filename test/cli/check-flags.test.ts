import { mkdir, writeFile } from 'node:fs/promises';
import { execa } from 'execa';
import path from 'node:path';
import test from 'ava';
import { copyFixtures, runCli } from '../helpers/fixtures.js';
import { cliPath } from '../helpers/paths.js';

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

test('check - --output naming the baseline or solution is refused', async (t) => {
  const folder = await copyFixtures('sample-module');
  await writeFile(path.join(folder, 'sample-module', 'oqjob-baseline.json'), '{ "version": 1, "entries": [] }\n');

  const overBaseline = await runCli(['check', 'sample-module', '-o', 'sample-module/oqjob-baseline.json'], folder);
  const overSolution = await runCli(['check', 'sample-module', '-o', 'sample-module/Acme.Module.Reminders.sln'], folder);

  t.is(overBaseline.exitCode, 2);
  t.regex(overBaseline.stderr, /The output file "sample-module\/oqjob-baseline\.json" is the baseline that this check reads/);
  t.is(overSolution.exitCode, 2);
  t.regex(overSolution.stderr, /is the solution or project being checked/);
});

test('check - a malformed global.json is named', async (t) => {
  const folder = await copyFixtures('sample-module');
  await writeFile(path.join(folder, 'sample-module', 'global.json'), '{ "sdk": { "version": ');

  const run = await runCli(['check', 'sample-module'], folder);

  t.is(run.exitCode, 2, run.stderr);
  t.regex(run.stderr, /dotnet cannot read the global\.json ".*sample-module\/global\.json": /);
  t.notRegex(run.stderr, /TypeInitializationException/);
});

test('check - a dotnet that cannot run is named', async (t) => {
  const folder = await copyFixtures('sample-module');
  const root = path.join(folder, 'fake-root');
  await mkdir(root);
  await writeFile(path.join(root, 'dotnet'), 'not a program', { mode: 0o644 });

  const run = await runCli(['check', 'sample-module'], folder, { DOTNET_ROOT: root });

  t.is(run.exitCode, 2, run.stderr);
  t.regex(run.stderr, /The dotnet executable ".*fake-root\/dotnet" cannot be run: EACCES\./);
});

test('rules - a closed pipe ends quietly', async (t) => {
  const run = execa(process.execPath, [cliPath, 'rules', '--format', 'json'], { reject: false, buffer: { stdout: false } });
  run.stdout?.destroy();
  const result = await run;

  t.notRegex(String(result.stderr), /Error|at /);
});

test('check - a deleted current folder is explained', async (t) => {
  const folder = await copyFixtures('sample-module');
  const gone = path.join(folder, 'gone');
  await mkdir(gone);

  const run = await execa('bash', ['-c', `cd "${gone}" && rmdir "${gone}" && exec "${process.execPath}" "${cliPath}" check ../sample-module`], { reject: false });

  t.is(run.exitCode, 2);
  t.regex(String(run.stderr), /oqjob: the current folder no longer exists\./);
});
