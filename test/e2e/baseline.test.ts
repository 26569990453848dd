import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import test from 'ava';
import { execa } from 'execa';
import { copyFixtures, runCli } from '../helpers/fixtures.js';

// These tests run the built CLI, which runs the real dotnet build on copies of the sample module.

const server = 'sample-module/Acme.Module.Reminders.Server';

interface BaselineReport {
  findings: Array<{ ruleId: string; symbol: string; baselineState: 'new' | 'unchanged' }>;
  baseline: { stale: Array<{ ruleId: string; symbol: string }>; expired: Array<{ ruleId: string; expires: string }> };
  totals: { unchanged: number; stale: number };
}

async function baselined(): Promise<string> {
  const folder = await copyFixtures('sample-module');
  const run = await runCli(['baseline', 'sample-module', '--quiet'], folder);
  if (run.exitCode !== 0) {
    throw new Error(`oqjob baseline failed: ${run.stderr}`);
  }

  return folder;
}

async function check(folder: string, ...flags: string[]): Promise<{ exitCode: number; report: BaselineReport; stderr: string }> {
  const run = await runCli(['check', 'sample-module', '--format', 'json', '--quiet', ...flags], folder);
  return { exitCode: run.exitCode, report: JSON.parse(run.stdout) as BaselineReport, stderr: run.stderr };
}

function counts(report: BaselineReport) {
  return {
    fresh: report.findings.filter((finding) => finding.baselineState === 'new').length,
    unchanged: report.totals.unchanged,
    stale: report.totals.stale,
  };
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  await writeFile(file, change(await readFile(file, 'utf8')));
}

test('baseline - a fresh baseline accepts every finding', async (t) => {
  const folder = await baselined();
  const { exitCode, report } = await check(folder);
  t.is(exitCode, 0);
  t.deepEqual(counts(report), { fresh: 0, unchanged: 11, stale: 0 });
});

test('baseline - edits that keep identity', async (t) => {
  const folder = await baselined();
  const jobs = path.join(folder, server, 'Jobs');
  const services = path.join(folder, server, 'Services');

  // Lines inserted above every finding of the file.
  await edit(path.join(jobs, 'ReminderCleanupJob.cs'), (text) => text.replace('namespace', '// Cleans reminders.\n// Runs daily.\n\nnamespace'));

  // An unrelated edit in the same method as a finding.
  await edit(path.join(jobs, 'ReminderCleanupJob.cs'), (text) => text.replace('var removed = 0;', 'var removed = 0;\n            var unused = siteId + 1;'));

  // The constructor moved below a new method.
  await edit(path.join(jobs, 'ReminderExportJob.cs'), (text) => text.replace(
    '        public ReminderExportJob',
    '        private static string Describe() => "export";\n\n        public ReminderExportJob',
  ));

  // A renamed file, and a file with CRLF line endings.
  await rename(path.join(services, 'ReminderTicker.cs'), path.join(services, 'TickerService.cs'));
  await edit(path.join(services, 'ReminderPoller.cs'), (text) => text.replace(/\r?\n/g, '\r\n'));

  const { exitCode, report } = await check(folder);
  t.deepEqual(counts(report), { fresh: 0, unchanged: 11, stale: 0 });
  t.is(exitCode, 0);
});

test('baseline - renamed class and new finding', async (t) => {
  const folder = await baselined();
  const services = path.join(folder, server, 'Services');
  await edit(path.join(services, 'ReminderCacheWarmer.cs'), (text) => text.replace(/ReminderCacheWarmer/g, 'CacheWarmer'));
  await edit(path.join(folder, server, 'Jobs', 'ReminderExportJob.cs'), (text) => text.replace('Interval = 6;', 'Interval = 6;\n            System.Threading.Thread.Sleep(10);'));

  const { exitCode, report } = await check(folder);
  t.deepEqual(report.findings.filter((finding) => finding.baselineState === 'new').map((finding) => `${finding.ruleId} ${finding.symbol}`).sort(), [
    'OQJ1002 Acme.Module.Reminders.Services.CacheWarmer',
    'OQJ4008 Acme.Module.Reminders.Jobs.ReminderExportJob',
  ]);
  t.deepEqual(report.baseline.stale.map((entry) => `${entry.ruleId} ${entry.symbol}`), ['OQJ1002 Acme.Module.Reminders.Services.ReminderCacheWarmer']);
  t.is(exitCode, 0, 'the new findings are warnings');

  const strict = await check(folder, '--strict-baseline');
  t.is(strict.exitCode, 1, 'stale entries fail with --strict-baseline');
});

test('baseline - identical findings, one fixed', async (t) => {
  const folder = await copyFixtures('sample-module');
  const job = path.join(folder, server, 'Jobs', 'ReminderExportJob.cs');
  const twice = 'Interval = 6;\n            System.IO.File.Exists("a");\n            System.IO.File.Exists("a");';
  await edit(job, (text) => text.replace('Interval = 6;', twice));
  t.is((await runCli(['baseline', 'sample-module', '--quiet'], folder)).exitCode, 0);

  await edit(job, (text) => text.replace('\n            System.IO.File.Exists("a");', ''));
  const { report } = await check(folder);
  t.deepEqual(counts(report), { fresh: 0, unchanged: 12, stale: 1 });
  t.is(report.baseline.stale[0]?.ruleId, 'OQJ4008');
});

test('baseline - expired entry reports new', async (t) => {
  const folder = await baselined();
  const file = path.join(folder, 'sample-module', 'oqjob-baseline.json');
  await edit(file, (text) => text.replace('{"rule":"OQJ4001"', '{"expires":"2020-01-31","rule":"OQJ4001"'));

  const { exitCode, report } = await check(folder);
  t.is(exitCode, 1);
  t.deepEqual(counts(report), { fresh: 1, unchanged: 10, stale: 0 });
  t.deepEqual(report.baseline.expired.map((entry) => `${entry.ruleId} ${entry.expires}`), ['OQJ4001 2020-01-31']);

  const text = await runCli(['check', 'sample-module', '--quiet'], folder);
  t.regex(text.stdout, /OQJ4001 is new because its baseline entry expired on 2020-01-31/);

  // --update keeps the expiry, so the finding stays new.
  t.is((await runCli(['baseline', 'sample-module', '--update', '--quiet'], folder)).exitCode, 0);
  t.regex(await readFile(file, 'utf8'), /"expires":"2020-01-31"/);
});

test('baseline - branches merge without conflict', async (t) => {
  const folder = await baselined();
  const git = (...args: string[]) => execa('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: folder, reject: false });
  await writeFile(path.join(folder, '.gitignore'), 'bin/\nobj/\n');
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'baseline');

  const jobs = path.join(folder, server, 'Jobs');
  await git('checkout', '-q', '-b', 'one');
  await edit(path.join(jobs, 'ReminderExportJob.cs'), (text) => text.replace('Interval = 6;', 'Interval = 6;\n            System.IO.File.Exists("a");'));
  t.is((await runCli(['baseline', 'sample-module', '--update', '--quiet'], folder)).exitCode, 0);
  await git('commit', '-q', '-am', 'one');

  await git('checkout', '-q', 'main');
  await git('checkout', '-q', '-b', 'two');
  await edit(path.join(jobs, 'ReminderCleanupJob.cs'), (text) => text.replace('Interval = 1;', 'Interval = 1;\n            System.IO.File.Exists("b");'));
  t.is((await runCli(['baseline', 'sample-module', '--update', '--quiet'], folder)).exitCode, 0);
  await git('commit', '-q', '-am', 'two');

  const merge = await git('merge', '-q', '--no-edit', 'one');
  t.is(merge.exitCode, 0, `${String(merge.stdout)}${String(merge.stderr)}`);
  const { report } = await check(folder);
  t.deepEqual(counts(report), { fresh: 0, unchanged: 13, stale: 0 });
});

test('baseline - malformed and hand-edited files', async (t) => {
  const folder = await baselined();
  const file = path.join(folder, 'sample-module', 'oqjob-baseline.json');

  const again = await runCli(['baseline', 'sample-module'], folder);
  t.is(again.exitCode, 2);
  t.regex(again.stderr, /already exists/);
  t.regex(again.stderr, /--update/);

  const both = await runCli(['baseline', 'sample-module', '--update', '--prune'], folder);
  t.is(both.exitCode, 2);
  t.regex(both.stderr, /--update and --prune cannot be used together/);

  // A reason added by hand survives --update.
  await edit(file, (text) => text.replace('{"rule":"OQJ1001"', '{"reason":"replaced in 2.0","rule":"OQJ1001"'));
  t.is((await runCli(['baseline', 'sample-module', '--update', '--quiet'], folder)).exitCode, 0);
  t.regex(await readFile(file, 'utf8'), /"reason":"replaced in 2\.0"/);

  // A malformed file is an error for check and baseline, and is never rewritten.
  const broken = (await readFile(file, 'utf8')).replace('"version": 1', '"version": 7');
  await writeFile(file, broken);
  const checked = await runCli(['check', 'sample-module'], folder);
  t.is(checked.exitCode, 2);
  t.regex(checked.stderr, /oqjob-baseline\.json" is not valid: its version is 7/);
  const updated = await runCli(['baseline', 'sample-module', '--update'], folder);
  t.is(updated.exitCode, 2);
  t.is(await readFile(file, 'utf8'), broken);

  const ignored = await runCli(['check', 'sample-module', '--no-baseline', '--quiet'], folder);
  t.is(ignored.exitCode, 1, '--no-baseline ignores the file');
});
