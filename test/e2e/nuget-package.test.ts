import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { execa } from 'execa';
import { copyFixtures, runCli } from '../helpers/fixtures.js';
import { packAnalyzerPackage, plainBuild, productVersion, referenceAnalyzerPackage, useLocalFeed } from '../helpers/nuget.js';
import { repoRoot } from '../helpers/paths.js';
import { listZip, readZipEntry } from '../helpers/zip.js';

// One real `dotnet pack` for the whole file. Each test restores the package from a local
// folder feed into a private package folder, on its own copy of the sample module.
const packed = packAnalyzerPackage();

const serverProject = 'Acme.Module.Reminders.Server/Acme.Module.Reminders.Server.csproj';

// Severity settings, three in each file: raise, lower, none.
const editorConfig = [
  'root = true',
  '',
  '[*.cs]',
  'dotnet_diagnostic.OQJ3006.severity = error',
  'dotnet_diagnostic.OQJ2002.severity = warning',
  'dotnet_diagnostic.OQJ1003.severity = none',
  '',
].join('\n');

const globalConfig = [
  'is_global = true',
  '',
  'dotnet_diagnostic.OQJ1002.severity = error',
  'dotnet_diagnostic.OQJ2001.severity = warning',
  'dotnet_diagnostic.OQJ6001.severity = none',
  '',
].join('\n');

// A hosted service in the shared project, which the Server project depends on: raised to an
// error there, it must not keep the Server project from being compiled and checked.
const sharedHostedService = [
  'using System.Threading;',
  'using System.Threading.Tasks;',
  'using Microsoft.Extensions.Hosting;',
  '',
  'namespace Acme.Jobs.Common',
  '{',
  '    public class CacheWarmup : IHostedService',
  '    {',
  '        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;',
  '',
  '        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;',
  '    }',
  '}',
  '',
].join('\n');

// The sample's error and warning findings under the settings above, as "ID severity file:line".
const configuredFindings = [
  'OQJ1001 error Acme.Module.Reminders.Server/Services/ReminderPoller.cs:9',
  'OQJ1002 error Acme.Jobs.Common/CacheWarmup.cs:7',
  'OQJ1002 error Acme.Module.Reminders.Server/Services/ReminderCacheWarmer.cs:9',
  'OQJ2001 warning Acme.Module.Reminders.Server/Jobs/ReminderExportJob.cs:8',
  'OQJ2002 warning Acme.Module.Reminders.Server/Jobs/ReminderCleanupJob.cs:18',
  'OQJ2002 warning Acme.Module.Reminders.Server/Jobs/ReminderCleanupJob.cs:19',
  'OQJ2003 warning Acme.Module.Reminders.Server/Jobs/ReminderCleanupJob.cs:20',
  'OQJ3006 error Acme.Module.Reminders.Server/Jobs/ReminderCleanupJob.cs:10',
  'OQJ3006 error Acme.Module.Reminders.Server/Jobs/ReminderExportJob.cs:6',
  'OQJ4001 error Acme.Module.Reminders.Server/Jobs/ReminderExportJob.cs:6',
];

interface Consumer {
  module: string;
  env: Record<string, string>;
}

/** Copies the sample module and makes its Server project reference the packed Oqjob.Analyzers. */
async function consumer(configured: boolean): Promise<Consumer> {
  const { feed } = await packed;
  const folder = await copyFixtures('sample-module');
  const module = path.join(folder, 'sample-module');
  const env = await useLocalFeed(module, feed);
  await referenceAnalyzerPackage(path.join(module, serverProject), await productVersion());
  if (configured) {
    await writeFile(path.join(module, '.editorconfig'), editorConfig);
    await writeFile(path.join(module, '.globalconfig'), globalConfig);
    await writeFile(path.join(module, 'Acme.Jobs.Common', 'CacheWarmup.cs'), sharedHostedService);
  }

  return { module, env };
}

function sorted(lines: string[]): string[] {
  return [...lines].sort();
}

test('nuget package - analyzers only, with readme, license and release notes', async (t) => {
  const { packageFile } = await packed;
  const version = await productVersion();
  t.is(path.basename(packageFile), `Oqjob.Analyzers.${version}.nupkg`);

  const archive = await readFile(packageFile);
  const names = listZip(archive).map((entry) => entry.name);
  t.true(names.includes('analyzers/dotnet/cs/Oqjob.Analyzers.dll'));
  t.true(names.includes('analyzers/dotnet/cs/Oqjob.Analyzers.CodeFixes.dll'));
  t.true(names.includes('README.md'));
  t.deepEqual(names.filter((name) => /^(lib|ref|build|buildTransitive|contentFiles)\//.test(name)), []);

  const nuspec = readZipEntry(archive, 'Oqjob.Analyzers.nuspec').toString('utf8');
  t.regex(nuspec, new RegExp(`<version>${version.replace(/\./g, '\\.')}</version>`));
  t.regex(nuspec, /<developmentDependency>true<\/developmentDependency>/);
  t.regex(nuspec, /<license type="expression">MIT<\/license>/);
  t.regex(nuspec, /<readme>README\.md<\/readme>/);
  t.notRegex(nuspec, /<dependencies>/);

  // Every rule of the release tracking file is in the release notes, with its severity.
  const unshipped = await readFile(path.join(repoRoot, 'analyzer-cs', 'Oqjob.Analyzers', 'AnalyzerReleases.Unshipped.md'), 'utf8');
  const rows = [...unshipped.matchAll(/^(OQJ\d{4}) \| (\S+) \| (\w+) \|/gm)];
  t.true(rows.length >= 40);
  for (const [, id, category, severity] of rows) {
    t.true(nuspec.includes(`- ${id} (${severity}, ${category})`), `release notes lack ${id}`);
  }
});

test('nuget package - plain dotnet build honours .editorconfig and .globalconfig', async (t) => {
  const { module, env } = await consumer(true);

  const build = await plainBuild('Acme.Module.Reminders.sln', module, env);

  // Only the Server project references the package, so a plain build analyzes only that
  // project; oqjob check analyzes every project of the solution.
  t.is(build.exitCode, 1, build.output);
  const serverFindings = configuredFindings.filter((finding) => !finding.includes('Acme.Jobs.Common/'));
  t.deepEqual(sorted(build.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.file}:${d.line}`)), serverFindings);
});

test('nuget package - oqjob check reports configured severities', async (t) => {
  const { module, env } = await consumer(true);

  const run = await runCli(['check', module, '--format', 'json'], module, env);

  t.is(run.exitCode, 1, run.stderr);
  const report = JSON.parse(run.stdout);
  t.true(report.build.succeeded, run.stderr);
  t.true(report.build.complete);
  t.is(report.build.compiledProjects.length, 5);
  const findings = report.findings as Array<{ ruleId: string; severity: string; file: string; line: number }>;
  const errorsAndWarnings = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  t.deepEqual(sorted(errorsAndWarnings.map((f) => `${f.ruleId} ${f.severity} ${f.file}:${f.line}`)), configuredFindings);
  t.is(findings.length, errorsAndWarnings.length, 'no note is left under these settings');
});

test('nuget package - oqjob check leaves the package\'s analyzer out of the compile', async (t) => {
  const { module, env } = await consumer(false);
  const project = path.join(module, serverProject);
  const analyzerPath = path.join(repoRoot, 'dist', 'analyzer', 'Oqjob.Analyzers.dll');
  const logDirectory = `${await mkdtemp(path.join(os.tmpdir(), 'oqjob-logs-'))}${path.sep}`;
  const analyzers = async (properties: string[]) => {
    const result = await execa('dotnet', [
      'msbuild', project, '-restore', '-nologo', '-t:ResolvePackageDependenciesForBuild;OqjobPrepareCompile', '-getItem:Analyzer',
      `-p:CustomAfterMicrosoftCommonTargets=${path.join(repoRoot, 'dist', 'ts-host', 'dotnet', 'oqjob.targets')}`,
      `-p:OqjobAnalyzerPath=${analyzerPath}`,
      ...properties,
    ], { cwd: module, env });
    const items = (JSON.parse(String(result.stdout)) as { Items: { Analyzer: Array<{ FullPath: string; NuGetPackageId?: string }> } }).Items.Analyzer;
    return items.filter((item) => path.basename(item.FullPath).startsWith('Oqjob.Analyzers'));
  };

  // Without a check run (no log folder) the package's two assemblies are there, tagged with
  // the package ID; in a check run only oqjob's own analyzer is left.
  const outside = await analyzers([]);
  t.deepEqual(outside.filter((item) => item.NuGetPackageId === 'Oqjob.Analyzers').map((item) => path.basename(item.FullPath)).sort(), ['Oqjob.Analyzers.CodeFixes.dll', 'Oqjob.Analyzers.dll']);
  const inside = await analyzers([`-p:OqjobLogDirectory=${logDirectory}`]);
  t.deepEqual(inside.map((item) => item.FullPath), [analyzerPath]);
});
