import { cp, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { copyFixtures, hashTree, runCli } from '../helpers/fixtures.js';
import { assertGolden } from '../helpers/golden.js';
import { fixturesRoot } from '../helpers/paths.js';

// These tests run the built CLI, which runs the real dotnet build on copies of the fixtures.

test('check - sample module matches the golden report and exits 1', async (t) => {
  const folder = await copyFixtures('sample-module');
  const module = path.join(folder, 'sample-module');
  const before = await hashTree(folder);

  const first = await runCli(['check', 'sample-module', '--format', 'json'], folder);
  t.is(first.exitCode, 1, first.stderr);
  await assertGolden(t, 'sample-module.json', first.stdout);

  // Up to date now: the analysis must still run and give the same findings.
  const second = await runCli(['check', module, '--format', 'json'], folder);
  t.is(second.exitCode, 1, second.stderr);
  t.deepEqual(JSON.parse(second.stdout).findings, JSON.parse(first.stdout).findings);

  t.deepEqual(await hashTree(folder), before, 'files outside bin/ and obj/ changed');
});

test('check - text report lists findings by file with totals', async (t) => {
  const folder = await copyFixtures('sample-module');
  const run = await runCli(['check', path.join(folder, 'sample-module', 'Acme.Module.Reminders.sln'), '--quiet'], folder);

  t.is(run.exitCode, 1, run.stderr);
  t.regex(run.stdout, /^Acme\.Module\.Reminders\.Server\/Jobs\/ReminderCleanupJob\.cs:19:13 {2}error {4}OQJ2002 {2}Job 'Acme\.Module\.Reminders\.Jobs\.ReminderCleanupJob' takes/m);
  t.regex(run.stdout, /11 findings \(6 errors, 3 warnings, 2 notes\) in 5 compiled projects of Acme\.Module\.Reminders\.sln$/);
  t.is(run.stderr, '', 'quiet prints no progress');
});

test('check - analyzers run despite RunAnalyzers=false and warnings as errors', async (t) => {
  const folder = await copyFixtures('sample-module');
  const props = [
    '<Project>',
    '  <PropertyGroup>',
    '    <RunAnalyzers>false</RunAnalyzers>',
    '    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>',
    '    <WarningsAsErrors>OQJ2003</WarningsAsErrors>',
    '  </PropertyGroup>',
    '</Project>',
    '',
  ].join('\n');
  await writeFile(path.join(folder, 'sample-module', 'Directory.Build.props'), props);

  const run = await runCli(['check', 'sample-module', '--format', 'json'], folder);

  t.is(run.exitCode, 1, run.stderr);
  const report = JSON.parse(run.stdout);
  t.true(report.build.succeeded);
  t.is(report.findings.length, 11);
});

test('check - fixed sample module exits 0', async (t) => {
  const folder = await copyFixtures('sample-module');
  await cp(path.join(fixturesRoot, 'sample-module-fixes'), path.join(folder, 'sample-module'), {
    recursive: true,
    filter: (source) => !source.endsWith('README.md'),
  });

  const run = await runCli(['check', 'sample-module'], folder);

  t.is(run.exitCode, 0, run.stdout + run.stderr);
  t.regex(run.stdout, /^0 findings \(0 errors, 0 warnings, 0 notes\)/m);
});

test('check - fail-on warning turns warnings into exit 1', async (t) => {
  const folder = await copyFixtures('sample-module');
  await cp(path.join(fixturesRoot, 'sample-module-fixes'), path.join(folder, 'sample-module'), {
    recursive: true,
    filter: (source) => !source.endsWith('README.md') && !source.endsWith('ReminderCacheWarmer.cs'),
  });

  const defaultRun = await runCli(['check', 'sample-module', '--quiet'], folder);
  const strictRun = await runCli(['check', 'sample-module', '--quiet', '--fail-on', 'warning'], folder);

  t.is(defaultRun.exitCode, 0, defaultRun.stdout);
  t.is(strictRun.exitCode, 1, strictRun.stdout);
  t.regex(strictRun.stdout, /OQJ1002/);
});

test('check - project that does not compile exits 2 and keeps findings', async (t) => {
  const folder = await copyFixtures('broken-module');
  const run = await runCli(['check', 'broken-module', '--format', 'json'], folder);

  t.is(run.exitCode, 2, run.stderr);
  const report = JSON.parse(run.stdout);
  t.false(report.build.succeeded);
  t.false(report.build.complete);
  t.deepEqual(report.findings.map((finding: { ruleId: string }) => finding.ruleId), ['OQJ3006', 'OQJ3006', 'OQJ3006', 'OQJ2002', 'OQJ6005']);
  t.false(JSON.stringify(report).includes(folder), 'no absolute path of the checked folder');
  t.true(report.build.compilerErrors.some((error: { code: string }) => error.code === 'CS0161'));
});

test('check - text report says the analysis may be incomplete', async (t) => {
  const folder = await copyFixtures('broken-module');
  const run = await runCli(['check', 'broken-module'], folder);

  t.is(run.exitCode, 2);
  t.regex(run.stdout, /The build failed \(dotnet exited with code 1\), so the analysis may be incomplete\./);
  t.regex(run.stdout, /Unfinished\.cs:6:20 {2}CS0161/);
});

test('check - nonexistent path exits 2 with the path', async (t) => {
  const folder = await copyFixtures();
  const run = await runCli(['check', 'no-such-module'], folder);

  t.is(run.exitCode, 2);
  t.regex(run.stderr, /The path "no-such-module" does not exist\./);
});

test('check - ambiguous folder exits 2 and lists the choices', async (t) => {
  const folder = await copyFixtures();
  const ambiguous = path.join(folder, 'two-projects');
  await mkdir(ambiguous);
  await writeFile(path.join(ambiguous, 'A.csproj'), '<Project Sdk="Microsoft.NET.Sdk" />\n');
  await writeFile(path.join(ambiguous, 'B.csproj'), '<Project Sdk="Microsoft.NET.Sdk" />\n');

  const run = await runCli(['check', 'two-projects'], folder);

  t.is(run.exitCode, 2);
  t.regex(run.stderr, /contains 2 projects and no solution: A\.csproj, B\.csproj/);
  t.regex(run.stderr, /oqjob check two-projects\/A\.csproj/);
});

test('check - leaves nothing in the temporary folder', async (t) => {
  const folder = await copyFixtures('sample-module');
  const temporary = await mkdtemp(path.join(os.tmpdir(), 'oqjob-tmpdir-'));

  // oqjob's work folder and every scratch file of dotnet and MSBuild go below TMPDIR.
  const run = await runCli(['check', 'sample-module', '--quiet'], folder, { TMPDIR: temporary });

  t.is(run.exitCode, 1, run.stderr);
  t.deepEqual(await readdir(temporary), []);
});
