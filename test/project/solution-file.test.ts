import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { UserError } from '../../ts-host/errors.js';
import { assertSolutionProjectsExist, listSolutionProjects } from '../../ts-host/project/solution-file.js';

const sln = [
  'Microsoft Visual Studio Solution File, Format Version 12.00',
  'Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Server", "Server\\Server.csproj", "{71E9E4F3-1FA9-4865-8458-E1C93438AB14}"',
  'EndProject',
  'Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "Solution Items", "Solution Items", "{41BC9984-0F81-4190-B80B-6E2933C16829}"',
  'EndProject',
  'Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Shared", "..\\lib\\Shared.csproj", "{509E6D8A-3EFE-4062-9A88-9494573DA552}"',
  'EndProject',
].join('\r\n');

const slnx = [
  '<Solution>',
  '  <Folder Name="/lib/">',
  '    <Project Path="../lib/Shared.csproj" />',
  '    <Folder Name="/lib/deep/"><Project Path="deep/Deep.csproj" /></Folder>',
  '  </Folder>',
  '  <Project Path="Server/Server.csproj"><BuildType Project="Release" /></Project>',
  '  <File Path="README.md" />',
  '</Solution>',
].join('\n');

test('listSolutionProjects - sln lists project files, not solution folders', (t) => {
  t.deepEqual(listSolutionProjects(sln, '.sln'), ['Server\\Server.csproj', '..\\lib\\Shared.csproj']);
});

test('listSolutionProjects - slnx lists projects at every folder depth', (t) => {
  t.deepEqual(listSolutionProjects(slnx, '.slnx').sort(), ['../lib/Shared.csproj', 'Server/Server.csproj', 'deep/Deep.csproj']);
});

test('assertSolutionProjectsExist - names each missing project and the fix', async (t) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'oqjob-sln-'));
  await mkdir(path.join(folder, 'Server'));
  await writeFile(path.join(folder, 'Server', 'Server.csproj'), '<Project />');
  await writeFile(path.join(folder, 'M.sln'), sln);

  const error = await t.throwsAsync(assertSolutionProjectsExist(path.join(folder, 'M.sln'), 'M.sln'), { instanceOf: UserError });

  t.is(error?.message, 'The solution "M.sln" lists a project that does not exist: ../lib/Shared.csproj.');
  t.regex(error?.hint ?? '', /dotnet sln M\.sln remove \.\.\/lib\/Shared\.csproj/);
});

test('assertSolutionProjectsExist - passes when every project is there', async (t) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'oqjob-sln-'));
  await mkdir(path.join(folder, 'Server'));
  await writeFile(path.join(folder, 'Server', 'Server.csproj'), '<Project />');
  await writeFile(path.join(folder, 'M.slnx'), '<Solution><Project Path="Server/Server.csproj" /></Solution>');

  await t.notThrowsAsync(assertSolutionProjectsExist(path.join(folder, 'M.slnx'), 'M.slnx'));
});

test('assertSolutionProjectsExist - a .slnx that is not XML is named', async (t) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'oqjob-sln-'));
  await writeFile(path.join(folder, 'M.slnx'), 'this is <not xml');

  const error = await t.throwsAsync(assertSolutionProjectsExist(path.join(folder, 'M.slnx'), 'M.slnx'), { instanceOf: UserError });

  t.regex(error?.message ?? '', /^The solution "M\.slnx" cannot be read: /);
});

test('assertSolutionProjectsExist - returns the C# projects to expect', async (t) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'oqjob-sln-'));
  await mkdir(path.join(folder, 'Server'));
  await writeFile(path.join(folder, 'Server', 'Server.csproj'), '<Project />');
  await writeFile(path.join(folder, 'Server', 'Shared.shproj'), '<Project />');
  await writeFile(path.join(folder, 'M.slnx'), '<Solution><Project Path="Server/Server.csproj" /><Project Path="Server/Shared.shproj" /></Solution>');

  t.deepEqual(await assertSolutionProjectsExist(path.join(folder, 'M.slnx'), 'M.slnx'), [path.join(folder, 'Server', 'Server.csproj')]);
});
