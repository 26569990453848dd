import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { execa } from 'execa';
import { parseRepositoryPath, readGitCheckout, toRepositoryUri } from '../../ts-host/vcs/git.js';

for (const [remote, expected] of [
  ['https://github.com/acme/reminders.git', 'https://github.com/acme/reminders'],
  ['https://x-access-token:secret@github.com/acme/reminders.git', 'https://github.com/acme/reminders'],
  ['git@github.com:acme/reminders.git', 'https://github.com/acme/reminders'],
  ['ssh://git@ghe.example.com/acme/reminders', 'https://ghe.example.com/acme/reminders'],
  ['/srv/git/reminders', undefined],
  ['file:///srv/git/reminders', undefined],
] as const) {
  test(`toRepositoryUri - ${remote}`, (t) => {
    t.is(toRepositoryUri(remote), expected);
  });
}

test('parseRepositoryPath - owner and name', (t) => {
  t.deepEqual(parseRepositoryPath('https://github.com/acme/reminders'), { owner: 'acme', name: 'reminders' });
  t.is(parseRepositoryPath('https://github.com/acme'), undefined);
});

test('readGitCheckout - reads a checkout and nothing outside one', async (t) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'oqjob-git-'));
  t.is(await readGitCheckout(folder), undefined);

  const git = (...args: string[]) => execa('git', args, { cwd: folder });
  await git('init', '-q', '-b', 'main');
  t.is(await readGitCheckout(folder), undefined, 'no commit yet');

  await writeFile(path.join(folder, 'a.txt'), 'a');
  await git('add', 'a.txt');
  await git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-m', 'a');
  await git('remote', 'add', 'origin', 'https://token@github.com/acme/reminders.git');
  const checkout = await readGitCheckout(folder);
  t.regex(checkout?.revision ?? '', /^[0-9a-f]{40}$/);
  t.is(checkout?.ref, 'refs/heads/main');
  t.is(checkout?.repositoryUri, 'https://github.com/acme/reminders');
});
