import { appendFile, cp, mkdir, readFile, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import { execa } from 'execa';
import { copyFixtures, runCli } from '../helpers/fixtures.js';
import { repoRoot } from '../helpers/paths.js';
import { checkWithDebug, storedLogs } from '../helpers/reuse.js';

// A second check reads the compiler logs of compiles that MSBuild found up to date. These
// tests run the real dotnet build on copies of the sample module and change one input at a
// time: each change must lead to fresh analysis of the projects it affects, and only those.

const target = 'sample-module';
const allProjects = [
  'Acme.Jobs.Common.csproj',
  'Acme.Module.Reminders.Server.csproj',
  'Acme.Module.Reminders.Shared.csproj',
  'Oqtane.Server.csproj',
  'Oqtane.Shared.csproj',
];
const serverFolder = path.join(target, 'Acme.Module.Reminders.Server');

/** Copies the sample module and runs the first check, which compiles and analyses everything. */
async function checkedCopy() {
  const folder = await copyFixtures(target);
  const first = await checkWithDebug(folder, target);
  return { folder, first };
}

test('reuse - nothing changed reuses every analysis', async (t) => {
  const { folder, first } = await checkedCopy();
  t.is(first.exitCode, 1, first.stderr);
  t.deepEqual(first.analysed, allProjects);
  const logsBefore = await storedLogs(folder);
  t.is(logsBefore.size, allProjects.length);

  // --fail-on and a baseline are applied by the host, so they must not force a compile.
  const second = await checkWithDebug(folder, target, ['--fail-on', 'warning']);
  const baseline = await runCli(['baseline', target], folder);
  t.is(baseline.exitCode, 0, baseline.stderr);
  const third = await checkWithDebug(folder, target);

  t.is(second.exitCode, 1, second.stderr);
  t.deepEqual(second.reused, allProjects);
  t.deepEqual(second.analysed, []);
  t.deepEqual(second.report.findings, first.report.findings);
  t.is(third.exitCode, 0, third.stderr);
  t.deepEqual(third.reused, allProjects);
  t.deepEqual(await storedLogs(folder), logsBefore, 'a stored log was rewritten');
});

test('reuse - source edit after a plain build', async (t) => {
  const { folder, first } = await checkedCopy();
  const job = path.join(folder, serverFolder, 'Jobs', 'DigestJob.cs');
  await writeFile(job, (await readFile(job, 'utf8')).replace('Frequency = "d";', 'Frequency = "h";'));

  // A plain build compiles the edit without writing oqjob's log. Its compile differs from the
  // check's (other analyzers, warnings as errors), so the next check compiles every project again.
  const plain = await execa('dotnet', ['build', target, '--nologo', '--disable-build-servers', '-nodeReuse:false', '-p:UseSharedCompilation=false'], { cwd: folder, reject: false });
  t.is(plain.exitCode, 0, plain.stdout);
  const second = await checkWithDebug(folder, target);

  t.is(second.analysed.length, 5, second.stderr);
  t.true(second.analysed.includes('Acme.Module.Reminders.Server.csproj'));
  t.true(second.report.findings.some((finding) => finding.ruleId === 'OQJ3002' && finding.file.endsWith('DigestJob.cs')), second.stderr);
  t.is(second.report.findings.length, first.report.findings.length + 1);
});

test('reuse - referenced project surface change', async (t) => {
  const { folder, first } = await checkedCopy();
  const base = path.join(folder, target, 'Acme.Jobs.Common', 'SiteJobBase.cs');
  const original = await readFile(base, 'utf8');

  // A private change leaves the reference assembly as it was, so the dependent project is
  // not compiled again, and its earlier analysis still holds.
  await writeFile(base, original.replace('var log = "";', 'var log = string.Empty;'));
  const internalChange = await checkWithDebug(folder, target);
  t.deepEqual(internalChange.analysed, ['Acme.Jobs.Common.csproj']);
  t.deepEqual(internalChange.report.findings, first.report.findings);

  // Renaming the override changes the public surface: DigestJob now overrides nothing.
  await writeFile(base, original.replace('public override string ExecuteJob(IServiceProvider provider)', 'public string RunSites(IServiceProvider provider)'));
  const publicChange = await checkWithDebug(folder, target);

  t.deepEqual(publicChange.analysed, ['Acme.Jobs.Common.csproj', 'Acme.Module.Reminders.Server.csproj']);
  t.true(publicChange.report.findings.some((finding) => finding.ruleId === 'OQJ4001' && finding.file.endsWith('DigestJob.cs')), publicChange.stderr);
});

test('reuse - package reference change', async (t) => {
  const { folder } = await checkedCopy();
  const project = path.join(folder, target, 'Acme.Module.Reminders.Shared', 'Acme.Module.Reminders.Shared.csproj');
  // Cronos is the package the many-jobs fixture restores, so the check needs no other package.
  await writeFile(project, (await readFile(project, 'utf8')).replace('</Project>', '  <ItemGroup>\n    <PackageReference Include="Cronos" Version="0.13.0" />\n  </ItemGroup>\n</Project>'));

  const second = await checkWithDebug(folder, target);

  t.is(second.exitCode, 1, second.stderr);
  // The Shared project's references changed, and the Server project gets Cronos as a transitive reference.
  t.deepEqual(second.analysed, ['Acme.Module.Reminders.Server.csproj', 'Acme.Module.Reminders.Shared.csproj']);
  t.deepEqual(second.reused, ['Acme.Jobs.Common.csproj', 'Oqtane.Server.csproj', 'Oqtane.Shared.csproj']);
});

test('reuse - editorconfig change', async (t) => {
  const { folder, first } = await checkedCopy();
  t.true(first.report.findings.some((finding) => finding.ruleId === 'OQJ2003'));
  await writeFile(path.join(folder, serverFolder, '.editorconfig'), '[*.cs]\ndotnet_diagnostic.OQJ2003.severity = none\n');

  const second = await checkWithDebug(folder, target);

  t.deepEqual(second.analysed, ['Acme.Module.Reminders.Server.csproj']);
  t.false(second.report.findings.some((finding) => finding.ruleId === 'OQJ2003'), second.stderr);
  t.is(second.report.findings.length, first.report.findings.length - 1);
});

test('reuse - analyzer change with an old timestamp', async (t) => {
  const folder = await copyFixtures(target);
  const cli = await copyPackage(path.join(folder, 'oqjob-package'));
  const first = await checkWithDebug(folder, target, [], {}, cli);
  t.deepEqual(first.analysed, allProjects);

  // npm installs a new version with fixed, old timestamps, so MSBuild alone would call every
  // compile up to date. Trailing bytes leave the assembly loadable and change its content.
  const analyzer = path.join(path.dirname(cli), '..', '..', 'analyzer', 'Oqjob.Analyzers.dll');
  await appendFile(analyzer, Buffer.alloc(16));
  const longAgo = new Date('1985-10-26T08:15:00Z');
  await utimes(analyzer, longAgo, longAgo);
  const second = await checkWithDebug(folder, target, [], {}, cli);

  t.deepEqual(second.analysed, allProjects, second.stderr);
  t.deepEqual(second.report.findings, first.report.findings);
  t.is((await storedLogs(folder)).size, allProjects.length, 'the logs of the old analyzer were not removed');
});

test('reuse - deleted log and failed compile', async (t) => {
  const { folder, first } = await checkedCopy();
  const serverLog = [...(await storedLogs(path.join(folder, serverFolder))).keys()];
  t.is(serverLog.length, 1);
  await rm(serverLog[0] as string);

  const afterDelete = await checkWithDebug(folder, target);
  t.deepEqual(afterDelete.analysed, ['Acme.Module.Reminders.Server.csproj']);
  t.deepEqual(afterDelete.report.findings, first.report.findings);

  // A compile error: the compiler still writes its log, which the report must not take for
  // the earlier, clean one; fixing the error brings the findings back.
  const job = path.join(folder, serverFolder, 'Jobs', 'DigestJob.cs');
  const source = await readFile(job, 'utf8');
  await writeFile(job, source.replace('var count = 0;', 'var count = 0'));
  const broken = await checkWithDebug(folder, target);
  t.is(broken.exitCode, 2, broken.stderr);
  t.deepEqual(broken.analysed, ['Acme.Module.Reminders.Server.csproj']);

  await writeFile(job, source);
  const fixed = await checkWithDebug(folder, target);
  t.deepEqual(fixed.analysed, ['Acme.Module.Reminders.Server.csproj']);
  t.deepEqual(fixed.report.findings, first.report.findings);
});

/** Copies the built CLI and analyzer into `folder`, as an installed package, and returns the CLI's path. */
async function copyPackage(folder: string): Promise<string> {
  await mkdir(path.join(folder, 'dist'), { recursive: true });
  for (const part of ['ts-host', 'analyzer']) {
    await cp(path.join(repoRoot, 'dist', part), path.join(folder, 'dist', part), { recursive: true });
  }

  await cp(path.join(repoRoot, 'package.json'), path.join(folder, 'package.json'));
  await symlink(path.join(repoRoot, 'node_modules'), path.join(folder, 'node_modules'));
  return path.join(folder, 'dist', 'ts-host', 'cli', 'main.js');
}
