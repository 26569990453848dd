import { spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { lstat, mkdtemp, readFile, readlink, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { UserError } from '../../ts-host/errors.js';
import { writeFileAtomic } from '../../ts-host/io/atomic-write.js';

async function folder(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'oqjob-atomic-'));
}

test('writeFileAtomic - a link keeps pointing to its target, which gets the content', async (t) => {
  const dir = await folder();
  const target = path.join(dir, 'target.txt');
  const link = path.join(dir, 'link.txt');
  await writeFile(target, 'old');
  await symlink(target, link);

  await writeFileAtomic(link, 'new');

  t.true((await lstat(link)).isSymbolicLink());
  t.is(await readlink(link), target);
  t.is(await readFile(target, 'utf8'), 'new');
});

test('writeFileAtomic - a link to a missing file creates its target', async (t) => {
  const dir = await folder();
  const link = path.join(dir, 'link.txt');
  await symlink('created.txt', link);

  await writeFileAtomic(link, 'content');

  t.true((await lstat(link)).isSymbolicLink());
  t.is(await readFile(path.join(dir, 'created.txt'), 'utf8'), 'content');
});

test('writeFileAtomic - a link to itself is an error, and stays a link', async (t) => {
  const dir = await folder();
  const link = path.join(dir, 'loop.json');
  await symlink(link, link);

  const error = await t.throwsAsync(writeFileAtomic(link, 'x'), { instanceOf: UserError });
  t.true(error?.message.includes(link));
  t.true((await lstat(link)).isSymbolicLink());
});

test('writeFileAtomic - a device is written in place, not replaced', async (t) => {
  await writeFileAtomic('/dev/null', 'discarded');
  t.true((await lstat('/dev/null')).isCharacterDevice());
});

test('writeFileAtomic - /dev/stdout appends to a redirected file', async (t) => {
  const dir = await folder();
  const log = path.join(dir, 'combined.log');
  await writeFile(log, 'earlier line\n');
  const before = (await stat(log)).ino;
  const module = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../ts-host/io/atomic-write.js');
  const script = `import(${JSON.stringify(module)}).then((m) => m.writeFileAtomic('/dev/stdout', ['report ', 'in pieces\\n']))`;

  // The child's stdout is the file opened for appending, as `>> combined.log` would open it.
  const descriptor = openSync(log, 'a');
  try {
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', descriptor, 'pipe'] });
    t.is(child.status, 0, String(child.stderr));
  } finally {
    closeSync(descriptor);
  }

  t.is(await readFile(log, 'utf8'), 'earlier line\nreport in pieces\n');
  t.is((await stat(log)).ino, before, 'the file was replaced instead of written');
});
