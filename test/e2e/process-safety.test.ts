import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rename, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { execa, type ResultPromise } from 'execa';
import { fakeDotnet, isRunning, processesBelowTmp, recordedPids } from '../helpers/fake-dotnet.js';
import { copyFixtures, hashTree, runCli } from '../helpers/fixtures.js';
import { cliPath } from '../helpers/paths.js';

// Stopped, timed-out and concurrent runs, and trees that are unusual on disk. Every run gets
// its own TMPDIR, so that what it leaves behind (files or processes) can be found.

const baselineText = '{\n  "version": 1,\n  "entries": []\n}\n';

function startCli(args: string[], cwd: string, env: Record<string, string>): ResultPromise {
  return execa(process.execPath, [cliPath, ...args], { cwd, env: { NO_COLOR: '1', CI: 'true', ...env }, reject: false, stdin: 'ignore' });
}

async function privateTmp(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'oqjob-tmpdir-'));
}

/** Resolves once the run has printed the line, so that a signal arrives while dotnet runs. */
function waitForLine(run: ResultPromise, pattern: RegExp): Promise<void> {
  return new Promise((resolve) => {
    let seen = '';
    run.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        resolve();
      }
    });
  });
}

test('check - --timeout stops a hanging build and all its processes', async (t) => {
  const folder = await copyFixtures('sample-module');
  const fake = fakeDotnet('hang');
  const temporary = await privateTmp();

  const run = await runCli(['check', 'sample-module', '--timeout', '3'], folder, { ...fake.env, TMPDIR: temporary });

  t.is(run.exitCode, 2, run.stderr);
  t.regex(run.stderr, /The build did not finish within 3 seconds and was stopped, with every process it started\./);
  t.regex(run.stderr, /build stopped at the timeout after/);
  const pids = recordedPids(fake);
  t.is(pids.length, 2, 'the stand-in and its child were started');
  t.deepEqual(pids.filter(isRunning), []);
  t.deepEqual(await readdir(temporary), []);
});

for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  test(`check - ${signal} stops the build, writes nothing and exits ${code}`, async (t) => {
    const folder = await copyFixtures('sample-module');
    const baselineFile = path.join(folder, 'sample-module', 'oqjob-baseline.json');
    await writeFile(baselineFile, baselineText);
    const fake = fakeDotnet('hang');
    const temporary = await privateTmp();
    const before = await hashTree(folder);

    const run = startCli(['check', 'sample-module', '-o', 'report.sarif', '--format', 'sarif'], folder, { ...fake.env, TMPDIR: temporary });
    await waitForLine(run, /restoring packages/);
    run.kill(signal);
    const result = await run;

    t.is(result.exitCode, code, String(result.stderr));
    t.regex(String(result.stderr), /oqjob: stopped\. A build that was running was ended with every process it started, and no report or baseline was written\./);
    t.deepEqual(recordedPids(fake).filter(isRunning), []);
    t.deepEqual(await readdir(temporary), []);
    t.deepEqual(await hashTree(folder), before, 'no report written and the baseline unchanged');
  });
}

test('baseline - SIGINT during the build leaves the baseline as it was', async (t) => {
  const folder = await copyFixtures('sample-module');
  const baselineFile = path.join(folder, 'sample-module', 'oqjob-baseline.json');
  await writeFile(baselineFile, baselineText);
  const fake = fakeDotnet('hang');
  const temporary = await privateTmp();

  const run = startCli(['baseline', 'sample-module', '--update'], folder, { ...fake.env, TMPDIR: temporary });
  await waitForLine(run, /restoring packages/);
  run.kill('SIGINT');
  const result = await run;

  t.is(result.exitCode, 130, String(result.stderr));
  t.is(await readFile(baselineFile, 'utf8'), baselineText);
  t.deepEqual(await readdir(temporary), []);
});

test('baseline - a baseline edited during the build is not overwritten', async (t) => {
  const folder = await copyFixtures('sample-module');
  const baselineFile = path.join(folder, 'sample-module', 'oqjob-baseline.json');
  await writeFile(baselineFile, baselineText);
  const edited = '{\n  "version": 1,\n  "entries": [\n    {"rule": "OQJ1002", "file": "a.cs", "symbol": "A", "member": "", "message": "m", "text": "t", "reason": "kept"}\n  ]\n}\n';

  const run = startCli(['baseline', 'sample-module', '--update'], folder, { TMPDIR: await privateTmp() });
  await waitForLine(run, /restoring packages/);
  await writeFile(baselineFile, edited);
  const result = await run;

  t.is(result.exitCode, 2, String(result.stderr));
  t.regex(String(result.stderr), /The baseline ".*oqjob-baseline\.json" changed while oqjob was building, so it was not written\./);
  t.is(await readFile(baselineFile, 'utf8'), edited);
});

test('check - SIGINT during a real build leaves no dotnet process behind', async (t) => {
  const folder = await copyFixtures('sample-module');
  const temporary = await privateTmp();

  const run = startCli(['check', 'sample-module'], folder, { TMPDIR: temporary });
  await waitForLine(run, /restoring packages/);
  run.kill('SIGINT');
  const result = await run;

  t.is(result.exitCode, 130, String(result.stderr));
  t.deepEqual(processesBelowTmp(temporary), [], 'MSBuild nodes and compilers ended with oqjob');
  t.deepEqual(await readdir(temporary), []);
});

test('check - two runs on one folder take turns and agree', async (t) => {
  const folder = await copyFixtures('sample-module');
  const temporary = await privateTmp();
  const env = { TMPDIR: temporary };

  const [first, second] = await Promise.all([
    startCli(['check', 'sample-module', '--format', 'json', '-o', 'first.json'], folder, env),
    startCli(['check', 'sample-module', '--format', 'json', '-o', 'second.json'], folder, env),
  ]);

  t.is(first.exitCode, 1, String(first.stderr));
  t.is(second.exitCode, 1, String(second.stderr));
  t.regex(`${first.stderr}${second.stderr}`, /waiting for another oqjob run on this folder \(process \d+\) to finish/);
  const findings = async (name: string) => JSON.parse(await readFile(path.join(folder, name), 'utf8')).findings;
  t.deepEqual(await findings('second.json'), await findings('first.json'));
  t.is((await findings('first.json')).length, 11);
  t.deepEqual(processesBelowTmp(temporary), [], 'no build server or MSBuild node outlives the runs');
  t.deepEqual(await readdir(temporary), []);
});

test('check - odd folder names, a symlink and a token stay out of the report', async (t) => {
  const base = await copyFixtures('sample-module');
  // Spaces, non-ASCII letters, shell metacharacters and a 180-character name, all in one path.
  const odd = path.join(base, `Modul ü ${'$'}(whoami) & 'x' (1)`, 'n'.repeat(180));
  await mkdir(odd, { recursive: true });
  await rename(path.join(base, 'sample-module'), path.join(odd, 'sample-module'));
  await rename(path.join(base, 'oqtane'), path.join(odd, 'oqtane'));
  const module = path.join(odd, 'sample-module');
  // The services folder lives elsewhere in the tree and is linked in.
  await rename(path.join(module, 'Acme.Module.Reminders.Server', 'Services'), path.join(module, 'linked-services'));
  await symlink(path.join(module, 'linked-services'), path.join(module, 'Acme.Module.Reminders.Server', 'Services'));
  const token = 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB';

  const json = await runCli(['check', module, '--format', 'json', '--debug'], base, { GITHUB_TOKEN: token });
  const sarif = await runCli(['check', module, '--format', 'sarif', '--quiet'], base, { GITHUB_TOKEN: token });

  t.is(json.exitCode, 1, json.stderr);
  const report = JSON.parse(json.stdout);
  t.is(report.findings.length, 11);
  t.true(report.findings.some((finding: { file: string }) => finding.file === 'Acme.Module.Reminders.Server/Services/ReminderPoller.cs'));
  for (const output of [json.stdout, json.stderr, sarif.stdout, sarif.stderr]) {
    t.false(output.includes(token), 'the token never appears');
  }

  for (const output of [json.stdout, sarif.stdout]) {
    t.false(output.includes(base), 'no absolute path of the checked tree');
    t.false(output.includes(`${os.homedir()}/`), 'no home folder');
  }
});

const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;

(canMount ? test : test.skip)('check - a read-only checkout is checked without writing to it', async (t) => {
  const source = await copyFixtures('sample-module');
  const mounted = await mkdtemp(path.join(os.tmpdir(), 'oqjob-readonly-'));
  const mount = spawnSync('mount', ['--bind', '-o', 'ro', source, mounted]);
  if (mount.status !== 0) {
    t.fail(`a read-only bind mount failed: ${mount.stderr}`);
    return;
  }

  t.teardown(() => {
    spawnSync('umount', [mounted]);
  });
  const before = await hashTree(source);

  const run = await runCli(['check', 'sample-module', '--format', 'json'], mounted);
  const unwritable = await runCli(['check', 'sample-module', '-o', 'report.json'], mounted);

  t.is(run.exitCode, 1, run.stderr);
  t.regex(run.stderr, /the checked folder is read-only; building into a temporary folder instead/);
  t.is(JSON.parse(run.stdout).findings.length, 11);
  t.deepEqual((await readdir(path.join(source, 'sample-module', 'Acme.Module.Reminders.Server'))).filter((name) => name === 'obj' || name === 'bin'), []);
  t.deepEqual(await hashTree(source), before);
  t.is(unwritable.exitCode, 2);
  t.regex(unwritable.stderr, /The folder of the output file "report\.json" is not writable/);
});

test('check - an output folder that does not exist fails before the build', async (t) => {
  const folder = await copyFixtures('sample-module');

  const run = await runCli(['check', 'sample-module', '-o', 'missing/folder/report.json'], folder);

  t.is(run.exitCode, 2);
  t.regex(run.stderr, /The folder of the output file "missing\/folder\/report\.json" does not exist/);
  t.notRegex(run.stderr, /restoring packages/);
});

test('check - an unknown format names the choices', async (t) => {
  const folder = await copyFixtures('sample-module');

  const run = await runCli(['check', 'sample-module', '--format', 'xml'], folder);

  t.is(run.exitCode, 2);
  t.regex(run.stderr, /argument 'xml' is invalid\. Allowed choices are text, json, sarif, github, markdown/);
});
