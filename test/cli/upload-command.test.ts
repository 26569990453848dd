import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { runCli } from '../helpers/fixtures.js';
import { FakeGitHub } from '../helpers/github-server.js';

const token = 'ghs_cli_secret_987654321';
const sha = 'e'.repeat(40);

async function setUp(t: { teardown: (fn: () => Promise<void>) => void }) {
  const fake = await FakeGitHub.start({ token, repository: 'acme/reminders' });
  t.teardown(() => fake.stop());
  const folder = await mkdtemp(path.join(os.tmpdir(), 'oqjob-upload-cli-'));
  await writeFile(path.join(folder, 'oqjob.sarif'), JSON.stringify({ version: '2.1.0', runs: [] }));
  return { fake, folder };
}

test('oqjob upload - uploads with Actions variables and exits 0', async (t) => {
  const { fake, folder } = await setUp(t);
  const run = await runCli(['upload', 'oqjob.sarif', '--wait'], folder, {
    GITHUB_TOKEN: token, GITHUB_REPOSITORY: 'acme/reminders', GITHUB_SHA: sha, GITHUB_REF: 'refs/heads/main', GITHUB_API_URL: fake.apiUrl,
  });
  t.is(run.exitCode, 0, run.stderr);
  t.regex(run.stderr, /GitHub processed the upload/);
  t.false(`${run.stdout}${run.stderr}`.includes(token));
});

test('oqjob upload - rejected token exits 2 without printing it', async (t) => {
  const { fake, folder } = await setUp(t);
  const run = await runCli(['upload', 'oqjob.sarif', '--repo', 'acme/reminders', '--sha', sha, '--ref', 'refs/heads/main', '--api-url', fake.apiUrl], folder, {
    GITHUB_TOKEN: 'ghs_wrong_secret_111',
  });
  t.is(run.exitCode, 2);
  t.regex(run.stderr, /401 Unauthorized/);
  t.false(`${run.stdout}${run.stderr}`.includes('ghs_wrong_secret_111'));
});

test('oqjob upload - no token flag exists', async (t) => {
  const { folder } = await setUp(t);
  const run = await runCli(['upload', 'oqjob.sarif', '--token', token], folder);
  t.is(run.exitCode, 2);
  t.regex(run.stderr, /unknown option '--token'/);
});
