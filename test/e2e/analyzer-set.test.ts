import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import { copyFixtures, runCli } from '../helpers/fixtures.js';
import { plainBuild } from '../helpers/nuget.js';

// oqjob check reports its own findings and compiler errors only, so its compile leaves out
// the code-quality analyzers of the .NET SDK (CA rules) and of ASP.NET Core (ASP rules).
// Each rule below is raised to error, so a compile that still ran it would fail.

const editorConfig = ['root = true', '', '[*.cs]', 'dotnet_diagnostic.CA2200.severity = error', 'dotnet_diagnostic.ASP0019.severity = error', ''].join('\n');

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

  // A plain build runs both analyzers, which shows that the file breaks both rules.
  const plain = await plainBuild('Acme.Module.Reminders.sln', module, {});
  t.not(plain.exitCode, 0);
  t.regex(plain.output, /QualityIssues\.cs\(\d+,\d+\): error CA2200:/);
  t.regex(plain.output, /QualityIssues\.cs\(\d+,\d+\): error ASP0019:/);

  const run = await runCli(['check', 'sample-module', '--format', 'json'], folder);

  t.is(run.exitCode, 1, run.stderr);
  const report = JSON.parse(run.stdout);
  t.true(report.build.succeeded, run.stderr);
  t.deepEqual(report.build.compilerErrors, []);
  t.is(report.findings.length, 11);
});
