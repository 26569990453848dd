import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import { copyFixtures, runCli } from '../helpers/fixtures.js';
import { plainBuild } from '../helpers/nuget.js';

// oqjob check reports its own findings and compiler errors only, so its compile leaves out
// the code-quality analyzers of the .NET SDK (CA rules), ASP.NET Core and the Web SDK (ASP
// rules). Each rule below is raised to error, so a compile that still ran it would fail.

const editorConfig = [
  'root = true',
  '',
  '[*.cs]',
  'dotnet_diagnostic.CA2200.severity = error',
  'dotnet_diagnostic.ASP0019.severity = error',
  'dotnet_diagnostic.ASP0000.severity = error',
  '',
].join('\n');

const startup = `using Microsoft.Extensions.DependencyInjection;

namespace Acme.Module.Reminders
{
    public class Startup
    {
        public void ConfigureServices(IServiceCollection services)
        {
            var provider = services.BuildServiceProvider();
        }
    }
}
`;

const qualityIssues = `using System;
using Microsoft.AspNetCore.Http;

namespace Acme.Module.Reminders.Services
{
    public class QualityIssues
    {
        public void Rethrow(Action action)
        {
            try
            {
                action();
            }
            catch (Exception exception)
            {
                throw exception;
            }
        }

        public void AddHeader(HttpContext context)
        {
            context.Response.Headers.Add("X-Reminders", "1");
        }
    }
}
`;

test('check - skips CA and ASP analyzers', async (t) => {
  const folder = await copyFixtures('sample-module');
  const module = path.join(folder, 'sample-module');
  await writeFile(path.join(module, '.editorconfig'), editorConfig);
  await writeFile(path.join(module, 'Acme.Module.Reminders.Server', 'Services', 'QualityIssues.cs'), qualityIssues);
  await writeFile(path.join(module, 'Acme.Module.Reminders.Server', 'Startup.cs'), startup);

  // The Web SDK adds analyzers of its own (ASP0000 is one of theirs).
  const project = path.join(module, 'Acme.Module.Reminders.Server', 'Acme.Module.Reminders.Server.csproj');
  const webProject = (await readFile(project, 'utf8'))
    .replace('<Project Sdk="Microsoft.NET.Sdk">', '<Project Sdk="Microsoft.NET.Sdk.Web">')
    .replace('<TargetFramework>', '<OutputType>Library</OutputType>\n    <TargetFramework>');
  await writeFile(project, webProject);

  // A plain build runs these analyzers, which shows that the files break all three rules.
  const plain = await plainBuild('Acme.Module.Reminders.sln', module, {});
  t.not(plain.exitCode, 0);
  t.regex(plain.output, /QualityIssues\.cs\(\d+,\d+\): error CA2200:/);
  t.regex(plain.output, /QualityIssues\.cs\(\d+,\d+\): error ASP0019:/);
  t.regex(plain.output, /Startup\.cs\(\d+,\d+\): error ASP0000:/);

  const run = await runCli(['check', 'sample-module', '--format', 'json'], folder);

  t.is(run.exitCode, 1, run.stderr);
  const report = JSON.parse(run.stdout);
  t.true(report.build.succeeded, run.stderr);
  t.deepEqual(report.build.compilerErrors, []);
  t.is(report.findings.length, 11);

  // The check's compile must not look up to date to the next plain build, which would then
  // pass without running the rules that fail it.
  const after = await plainBuild('Acme.Module.Reminders.sln', module, {});
  t.not(after.exitCode, 0);
  t.regex(after.output, /QualityIssues\.cs\(\d+,\d+\): error CA2200:/);
  t.regex(after.output, /Startup\.cs\(\d+,\d+\): error ASP0000:/);
});
