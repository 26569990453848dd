import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { runCli } from '../helpers/fixtures.js';

test('oqjob rules - lists every rule as text', async (t) => {
  const run = await runCli(['rules'], os.tmpdir());
  t.is(run.exitCode, 0, run.stderr);
  t.regex(run.stdout, /^OQJ3002 +error +R3 metadata +Frequency is not a valid Oqtane frequency code$/m);
  t.regex(run.stdout, /^40 rules\./m);
});

test('oqjob rules --format json - parses and carries the tool version', async (t) => {
  const run = await runCli(['rules', '--format', 'json'], os.tmpdir());
  t.is(run.exitCode, 0, run.stderr);
  const data = JSON.parse(run.stdout) as { version: number; toolVersion: string; rules: { id: string; helpUri: string }[] };
  t.is(data.version, 1);
  t.regex(data.toolVersion, /^\d+\.\d+\.\d+/);
  t.is(data.rules.length, 40);
});

test('oqjob rules ID - prints one rule, any case', async (t) => {
  const run = await runCli(['rules', 'oqj4006'], os.tmpdir());
  t.is(run.exitCode, 0, run.stderr);
  t.regex(run.stdout, /^OQJ4006: Delay in the execution$/m);
  t.regex(run.stdout, /dotnet_diagnostic\.OQJ4006\.severity/);
});

test('oqjob rules ID - unknown ID exits 2', async (t) => {
  const run = await runCli(['rules', 'OQJ9999'], os.tmpdir());
  t.is(run.exitCode, 2);
  t.regex(run.stderr, /There is no rule "OQJ9999"/);
  t.regex(run.stderr, /oqjob rules/);
});

test('oqjob rules --format markdown --output - writes the index page', async (t) => {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'oqjob-rules-'));
  const run = await runCli(['rules', '--format', 'markdown', '--output', 'index.md'], folder);
  t.is(run.exitCode, 0, run.stderr);
  t.is(run.stdout, '');
  t.regex(await readFile(path.join(folder, 'index.md'), 'utf8'), /^\| \[OQJ1001\]\(OQJ1001\.md\) \|/m);
});

test('oqjob rules --format - rejects an unknown format with exit 2', async (t) => {
  const run = await runCli(['rules', '--format', 'html'], os.tmpdir());
  t.is(run.exitCode, 2);
  t.regex(run.stderr, /html/);
});
