import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { UserError } from '../../ts-host/errors.js';
import { discoverBuildTarget } from '../../ts-host/project/discover.js';

async function folderWith(...files: string[]): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'oqjob-discover-'));
  for (const file of files) {
    await mkdir(path.dirname(path.join(folder, file)), { recursive: true });
    await writeFile(path.join(folder, file), '');
  }

  return folder;
}

test('discover - one solution beats projects', async (t) => {
  const folder = await folderWith('Module.sln', 'A.csproj', 'B.csproj');
  const target = await discoverBuildTarget('.', folder);
  t.is(target.kind, 'solution');
  t.is(target.file, path.join(folder, 'Module.sln'));
  t.is(target.root, folder);
});

test('discover - slnx is a solution', async (t) => {
  const folder = await folderWith('Module.slnx');
  t.is((await discoverBuildTarget(folder, '/')).kind, 'solution');
});

test('discover - one project without solution', async (t) => {
  const folder = await folderWith('Server/Server.csproj');
  const target = await discoverBuildTarget('Server', folder);
  t.is(target.kind, 'project');
  t.is(target.root, path.join(folder, 'Server'));
});

test('discover - file path sets root to its folder', async (t) => {
  const folder = await folderWith('sub/Module.sln');
  const target = await discoverBuildTarget('sub/Module.sln', folder);
  t.is(target.root, path.join(folder, 'sub'));
});

test('discover - two solutions is an error listing both', async (t) => {
  const folder = await folderWith('A.sln', 'B.slnx');
  const error = await t.throwsAsync(discoverBuildTarget('.', folder), { instanceOf: UserError });
  t.is(error?.message, 'The folder "." contains 2 solutions: A.sln, B.slnx.');
  t.is(error?.hint, 'Pass the one to check, for example: oqjob check A.sln');
});

test('discover - empty folder is an error', async (t) => {
  const folder = await folderWith('readme.txt');
  const error = await t.throwsAsync(discoverBuildTarget('.', folder), { instanceOf: UserError });
  t.regex(error?.message ?? '', /contains no solution \(\.sln, \.slnx\) and no \.csproj file/);
});

test('discover - wrong file kind is an error', async (t) => {
  const folder = await folderWith('Module.vbproj');
  const error = await t.throwsAsync(discoverBuildTarget('Module.vbproj', folder), { instanceOf: UserError });
  t.regex(error?.message ?? '', /"Module\.vbproj" is not a solution or C# project/);
});

test('discover - missing path is an error', async (t) => {
  const folder = await folderWith();
  const error = await t.throwsAsync(discoverBuildTarget('missing', folder), { instanceOf: UserError });
  t.is(error?.message, 'The path "missing" does not exist.');
});

test('discover - a symbolic link to a solution counts', async (t) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'oqjob-discover-'));
  const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'oqjob-discover-'));
  await writeFile(path.join(elsewhere, 'Real.sln'), '');
  await symlink(path.join(elsewhere, 'Real.sln'), path.join(folder, 'Link.sln'));

  const target = await discoverBuildTarget('.', folder);

  t.is(target.file, path.join(folder, 'Link.sln'));
});
