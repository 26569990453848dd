import { appendFile, cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { execa } from 'execa';
import { fakeDotnet } from '../helpers/fake-dotnet.js';
import { copyFixtures, hashTree, runCli } from '../helpers/fixtures.js';
import { fixturesRoot, repoRoot } from '../helpers/paths.js';

// The messages oqjob prints when the machine, the SDK or the module is not as a build needs it. Each
// test asserts the exit code, the sentence that names the cause, and an untouched tree.

const serverProject = path.join('sample-module', 'Acme.Module.Reminders.Server', 'Acme.Module.Reminders.Server.csproj');

test('check - dotnet missing from PATH names the install and DOTNET_ROOT', async (t) => {
  const folder = await copyFixtures('sample-module');
  const before = await hashTree(folder);

  const run = await runCli(['check', 'sample-module'], folder, { PATH: '/nonexistent', DOTNET_ROOT: '' });

  t.is(run.exitCode, 2, run.stderr);
  t.regex(run.stderr, /The \.NET SDK was not found: "dotnet" is not on PATH\./);
  t.regex(run.stderr, /DOTNET_ROOT/);
  t.deepEqual(await hashTree(folder), before);
});

test('check - global.json naming an absent SDK names the version and the file', async (t) => {
  const folder = await copyFixtures('sample-module');
  await writeFile(path.join(folder, 'sample-module', 'global.json'), '{ "sdk": { "version": "99.0.100", "rollForward": "disable" } }\n');
  const before = await hashTree(folder);

  const run = await runCli(['check', 'sample-module'], folder);

  t.is(run.exitCode, 2, run.stderr);
  t.regex(run.stderr, /global\.json requests \.NET SDK 99\.0\.100, which is not installed \(installed: \d+\.\d+\.\d+/);
  t.regex(run.stderr, /Install the \.NET SDK 99\.0\.100/);
  t.deepEqual(await hashTree(folder), before);
});

test('check - an SDK older than 8.0.100 is rejected before the build', async (t) => {
  const folder = await copyFixtures('sample-module');
  const fake = fakeDotnet('version:7.0.410');

  const run = await runCli(['check', 'sample-module'], folder, fake.env);

  t.is(run.exitCode, 2, run.stderr);
  t.regex(run.stderr, /The \.NET SDK 7\.0\.410 is older than 8\.0\.100, the oldest whose compiler can load the oqjob analyzer\./);
  t.regex(run.stderr, /8, 9 and 10 all work/);
  t.notRegex(run.stderr, /restoring packages/);
});

test('check - a solution listing a deleted project names it', async (t) => {
  const folder = await copyFixtures('sample-module', 'legacy-module');
  await appendFile(path.join(folder, 'sample-module', 'Acme.Module.Reminders.sln'), 'Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Gone", "Gone\\Gone.csproj", "{0E5B4A7C-8F0B-4C55-9B7B-2F1D3C4E5A60}"\r\nEndProject\r\n');
  const slnx = path.join(folder, 'legacy-module', 'Acme.Module.Legacy.slnx');
  await writeFile(slnx, (await readFile(slnx, 'utf8')).replace('</Solution>', '  <Project Path="Removed/Removed.csproj" />\n</Solution>'));
  const before = await hashTree(folder);

  const sln = await runCli(['check', 'sample-module'], folder);
  const slnxRun = await runCli(['check', 'legacy-module'], folder);

  t.is(sln.exitCode, 2, sln.stderr);
  t.regex(sln.stderr, /The solution "sample-module\/Acme\.Module\.Reminders\.sln" lists a project that does not exist: Gone\/Gone\.csproj\./);
  t.is(slnxRun.exitCode, 2, slnxRun.stderr);
  t.regex(slnxRun.stderr, /lists a project that does not exist: Removed\/Removed\.csproj\./);
  t.deepEqual(await hashTree(folder), before);
});

test('check - a listed project the build skips makes the check fail', async (t) => {
  const folder = await copyFixtures('sample-module');
  const solution = path.join(folder, 'sample-module', 'Acme.Module.Reminders.sln');
  const serverId = /"Acme\.Module\.Reminders\.Server", "[^"]+", "\{([^}]+)\}"/.exec(await readFile(solution, 'utf8'))![1]!;
  // Without its Build.0 lines the solution lists the Server project but never builds it.
  await writeFile(solution, (await readFile(solution, 'utf8')).split('\n').filter((line) => !(line.includes(serverId) && line.includes('Build.0'))).join('\n'));
  await writeFile(path.join(folder, 'empty.sln'), 'Microsoft Visual Studio Solution File, Format Version 12.00\n');

  const skipped = await runCli(['check', 'sample-module', '--format', 'json'], folder);
  const empty = await runCli(['check', 'empty.sln'], folder);

  t.is(skipped.exitCode, 2, skipped.stderr);
  const report = JSON.parse(skipped.stdout);
  t.false(report.build.complete);
  t.true(report.build.logProblems.some((problem: string) => problem.startsWith('The build did not compile Acme.Module.Reminders.Server/Acme.Module.Reminders.Server.csproj, which the solution lists')));
  t.is(empty.exitCode, 2, empty.stdout);
  t.regex(empty.stdout, /The build compiled no project, so nothing was checked\./);
});

test('check - an unknown package fails the restore with NuGet\'s line', async (t) => {
  const folder = await copyFixtures('sample-module');
  await addPackageReference(folder, 'Oqjob.Test.NoSuchPackage', '1.0.0');
  const before = await hashTree(folder);

  const run = await runCli(['check', 'sample-module'], folder);

  t.is(run.exitCode, 2, run.stderr);
  t.regex(run.stderr, /Restoring NuGet packages failed, so nothing was compiled or checked:\n {2}NU1101: Unable to find package Oqjob\.Test\.NoSuchPackage/);
  t.regex(run.stderr, /not on any configured feed/);
  t.deepEqual(await hashTree(folder), before);
});

test('check - an unreachable or locked feed names the feed and credentials', async (t) => {
  const folder = await copyFixtures('sample-module');
  await addPackageReference(folder, 'Oqjob.Test.PrivatePackage', '1.0.0');
  // A feed that returns 401 for every request, as a private feed does without credentials.
  const server = createServer((_request, response) => {
    response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="feed"' }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.teardown(() => server.close());
  const feed = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3/index.json`;
  const packages = await mkdtemp(path.join(os.tmpdir(), 'oqjob-nuget-'));
  await writeFile(path.join(folder, 'sample-module', 'nuget.config'), nugetConfig({ locked: feed, offline: 'http://127.0.0.1:9/v3/index.json' }));
  const before = await hashTree(folder);

  const run = await runCli(['check', 'sample-module'], folder, { NUGET_PACKAGES: packages });

  t.is(run.exitCode, 2, run.stderr);
  t.regex(run.stderr, /NU1301: .*127\.0\.0\.1/);
  t.regex(run.stderr, /401|Unauthorized/);
  t.regex(run.stderr, /NuGetPackageSourceCredentials_/);
  t.deepEqual(await hashTree(folder), before);
});

test('check - the compiler rejecting the analyzer is an error naming the SDK', async (t) => {
  const work = await mkdtemp(path.join(os.tmpdir(), 'oqjob-newer-'));
  const install = await installCopyOfOqjob(work);
  await execa('dotnet', ['build', path.join(fixturesRoot, 'faulty-analyzers', 'NewerCompiler', 'NewerCompilerAnalyzer.csproj'), '-o', path.join(install, 'dist', 'analyzer'), '--nologo', '-v', 'q', `-p:BaseIntermediateOutputPath=${path.join(work, 'obj')}/`]);
  const folder = await copyFixtures('sample-module');

  const run = await execa(process.execPath, [path.join(install, 'dist', 'ts-host', 'cli', 'main.js'), 'check', 'sample-module'], { cwd: folder, reject: false, env: { CI: 'true', NO_COLOR: '1' } });

  t.is(run.exitCode, 2, run.stderr);
  t.regex(run.stderr, /The compiler of the \.NET SDK \d+\.\d+\.\d+ could not load the oqjob analyzer in project .*\.csproj, so that project was not checked: CS9057/);
  t.regex(run.stderr, /built for a newer compiler/);
});

test('check - an installation without the analyzer says how to fix it', async (t) => {
  const install = await installCopyOfOqjob(await mkdtemp(path.join(os.tmpdir(), 'oqjob-partial-')));
  const folder = await copyFixtures('sample-module');

  const run = await execa(process.execPath, [path.join(install, 'dist', 'ts-host', 'cli', 'main.js'), 'check', 'sample-module'], { cwd: folder, reject: false, env: { CI: 'true' } });

  t.is(run.exitCode, 2, run.stderr);
  t.regex(run.stderr, /The oqjob installation is incomplete: Oqjob\.Analyzers\.dll is missing from .*analyzer\./);
  t.regex(run.stderr, /npm run build/);
});

test('check - a module analyzer that throws does not stop oqjob', async (t) => {
  const folder = await copyFixtures('sample-module', 'faulty-analyzers');
  const project = path.join(folder, serverProject);
  const reference = '  <ItemGroup>\n    <ProjectReference Include="../../faulty-analyzers/Throwing/ThrowingAnalyzer.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />\n  </ItemGroup>\n</Project>';
  await writeFile(project, (await readFile(project, 'utf8')).replace('</Project>', reference));
  await writeFile(path.join(folder, 'sample-module', 'Directory.Build.props'), '<Project><PropertyGroup><TreatWarningsAsErrors>true</TreatWarningsAsErrors></PropertyGroup></Project>\n');

  const run = await runCli(['check', 'sample-module', '--format', 'json'], folder);

  t.is(run.exitCode, 1, run.stderr);
  const report = JSON.parse(run.stdout);
  t.true(report.build.succeeded);
  t.true(report.build.complete);
  t.is(report.findings.length, 11);
});

for (const [fault, sentence] of [
  ['missing', /is missing; the compiler did not run or could not write it/],
  ['truncate', /is not valid JSON/],
  ['garbage', /is not a SARIF 2\.1\.0 log|has a "runs" member/],
] as const) {
  test(`check - a ${fault} compiler log names the project and the log`, async (t) => {
    const folder = await copyFixtures('sample-module');
    const fake = fakeDotnet(`log:${fault}`);

    const run = await runCli(['check', 'sample-module', '-o', 'report.json', '--format', 'json'], folder, fake.env);

    t.is(run.exitCode, 2, run.stderr);
    t.regex(run.stderr, /The compiler log of project \.\.\/oqtane\/Oqtane\.\w+\/Oqtane\.\w+\.csproj \(net10\.0\)/);
    t.regex(run.stderr, sentence);
    t.regex(run.stderr, /: \.\.\/oqtane\/Oqtane\.\w+\/obj\/.*\/oqjob\/.*\.sarif$/m);
    await t.throwsAsync(readFile(path.join(folder, 'report.json')), undefined, 'no report is written');
  });
}

async function addPackageReference(folder: string, id: string, version: string): Promise<void> {
  const project = path.join(folder, serverProject);
  const reference = `  <ItemGroup>\n    <PackageReference Include="${id}" Version="${version}" />\n  </ItemGroup>\n</Project>`;
  await writeFile(project, (await readFile(project, 'utf8')).replace('</Project>', reference));
}

function nugetConfig(sources: Record<string, string>): string {
  const entries = Object.entries(sources).map(([name, url]) => `    <add key="${name}" value="${url}" allowInsecureConnections="true" />`);
  return ['<?xml version="1.0" encoding="utf-8"?>', '<configuration>', '  <packageSources>', '    <clear />', ...entries, '  </packageSources>', '</configuration>', ''].join('\n');
}

/** Copies the built CLI, as npm would install it, so that a test can replace its analyzer. */
async function installCopyOfOqjob(work: string): Promise<string> {
  const install = path.join(work, 'oqjob');
  await cp(path.join(repoRoot, 'dist', 'ts-host'), path.join(install, 'dist', 'ts-host'), { recursive: true });
  await cp(path.join(repoRoot, 'package.json'), path.join(install, 'package.json'));
  await cp(path.join(repoRoot, 'node_modules'), path.join(install, 'node_modules'), { recursive: true, verbatimSymlinks: true, filter: (source) => !source.includes('sarif-multitool') });
  return install;
}
