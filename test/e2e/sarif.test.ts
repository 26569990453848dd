import { readFile } from 'node:fs/promises';
import path from 'node:path';
import test, { type ExecutionContext } from 'ava';
import { execa } from 'execa';
import type * as Sarif from 'sarif';
import { copyFixtures, runCli } from '../helpers/fixtures.js';
import { assertGolden } from '../helpers/golden.js';
import { cliPath, repoRoot } from '../helpers/paths.js';
import { multitoolFindings, schemaErrors } from '../helpers/sarif-validators.js';

// These tests run the built CLI, which runs the real dotnet build on copies of the fixtures,
// and check the SARIF with both validators.

for (const [fixture, exitCode] of [
  ['sample-module', 1],
  ['many-jobs', 1],
  ['framework-jobs', 0],
  ['broken-module', 2],
] as const) {
  test(`check --format sarif - ${fixture} passes both validators and matches its golden file`, async (t) => {
    const folder = await copyFixtures(fixture);
    const run = await runCli(['check', fixture, '--format', 'sarif', '--output', 'oqjob.sarif', '--quiet'], folder);
    t.is(run.exitCode, exitCode, run.stderr);

    const text = await readFile(path.join(folder, 'oqjob.sarif'), 'utf8');
    const log = JSON.parse(text) as Sarif.Log;
    t.deepEqual(await schemaErrors(log), []);
    t.deepEqual(await multitoolFindings(text), []);
    t.false(text.includes(folder), 'no absolute path of the checked folder');
    await assertRuleHelpIsDocsPage(t, log);
    await assertGolden(t, `${fixture}.sarif`, `${JSON.stringify(withoutRuleHelp(log), null, 2)}\n`);
  });
}

/** Checks that each rule's help is its docs page, which the golden files then leave out. */
async function assertRuleHelpIsDocsPage(t: ExecutionContext, log: Sarif.Log): Promise<void> {
  for (const rule of log.runs[0]?.tool.driver.rules ?? []) {
    const page = await readFile(path.join(repoRoot, 'docs', 'rules', `${rule.id}.md`), 'utf8');
    t.is(rule.help?.markdown, page.replace(/\r\n/g, '\n').trimEnd(), `help of ${rule.id}`);
    t.true((rule.help?.text ?? '').startsWith(`${rule.id}: `), `plain help of ${rule.id}`);
  }
}

// The golden files would otherwise change with every edit of a rule page.
function withoutRuleHelp(log: Sarif.Log): Sarif.Log {
  const copy = structuredClone(log);
  for (const rule of copy.runs[0]?.tool.driver.rules ?? []) {
    rule.help = { text: '(the docs page as text)', markdown: '(the docs page)' };
  }

  return copy;
}

test('check --format sarif - closed pipe keeps exit code', async (t) => {
  const folder = await copyFixtures('sample-module');
  const pipeline = `set -o pipefail; "${process.execPath}" "${cliPath}" check sample-module --format sarif --quiet | head -c 100 > /dev/null`;

  const run = await execa('bash', ['-c', pipeline], { cwd: folder, reject: false });

  t.is(run.exitCode, 1, String(run.stderr));
});

test('check --format sarif - addresses from repository root', async (t) => {
  const folder = await copyFixtures('sample-module');
  const git = (...args: string[]) => execa('git', args, { cwd: folder });
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-m', 'fixture');
  await git('remote', 'add', 'origin', 'git@github.com:acme/reminders.git');
  const revision = String((await git('rev-parse', 'HEAD')).stdout).trim();

  const run = await runCli(['check', 'sample-module', '--format', 'sarif', '--output', 'oqjob.sarif', '--quiet'], path.join(folder, 'sample-module', '..'));
  t.is(run.exitCode, 1, run.stderr);
  const log = JSON.parse(await readFile(path.join(folder, 'oqjob.sarif'), 'utf8')) as Sarif.Log;
  const sarifRun = log.runs[0]!;
  t.is(sarifRun.automationDetails?.id, 'oqjob/sample-module/');
  t.deepEqual(sarifRun.versionControlProvenance, [{ repositoryUri: 'https://github.com/acme/reminders', revisionId: revision, mappedTo: { uriBaseId: '%SRCROOT%' }, branch: 'refs/heads/main' }]);
  t.true(sarifRun.results?.every((result) => result.locations?.[0]?.physicalLocation?.artifactLocation?.uri?.startsWith('sample-module/')));
});

test('check --category - only with --format sarif', async (t) => {
  const folder = await copyFixtures('sample-module');
  const run = await runCli(['check', 'sample-module', '--category', 'x'], folder);
  t.is(run.exitCode, 2);
  t.regex(run.stderr, /The flag --category applies only to --format sarif, not to --format text/);
});
