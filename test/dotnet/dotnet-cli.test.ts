import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { UserError } from '../../ts-host/errors.js';
import { formatCommand, locateDotnet, runDotnet } from '../../ts-host/dotnet/dotnet-cli.js';

// A stand-in dotnet executable: a shell script, to drive the wrapper through cases that a
// real SDK cannot be made to produce on demand (hangs, child processes, odd output).
async function fakeDotnet(script: string): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'oqjob-fake-dotnet-'));
  const file = path.join(folder, 'dotnet');
  await writeFile(file, `#!/bin/sh\n${script}\n`);
  await chmod(file, 0o755);
  return file;
}

test('runDotnet - passes arguments without a shell and streams lines', async (t) => {
  const dotnetPath = await fakeDotnet('for a in "$@"; do echo "arg:$a"; done; echo oops >&2; exit 3');
  const lines: string[] = [];
  const result = await runDotnet(['build', 'a b;c', '$(x)'], { cwd: os.tmpdir(), dotnetPath, onLine: (line, stream) => lines.push(`${stream}:${line}`) });
  t.is(result.exitCode, 3);
  t.deepEqual(lines.filter((line) => line.startsWith('stdout')), ['stdout:arg:build', 'stdout:arg:a b;c', 'stdout:arg:$(x)']);
  t.true(lines.includes('stderr:oops'));
});

test('runDotnet - timeout stops the whole process tree', async (t) => {
  const marker = path.join(await mkdtemp(path.join(os.tmpdir(), 'oqjob-tree-')), 'child.pid');
  const dotnetPath = await fakeDotnet(`sleep 60 & echo $! > '${marker}'; wait`);
  const result = await runDotnet(['build'], { cwd: os.tmpdir(), dotnetPath, timeoutMs: 500 });
  t.true(result.timedOut);

  const childPid = Number((await readFile(marker, 'utf8')).trim());
  await new Promise((resolve) => setTimeout(resolve, 300));
  t.false(await isRunning(childPid), 'the grandchild process is still running');
});

// A killed process whose parent is gone may stay a zombie until PID 1 reaps it; that counts as stopped.
async function isRunning(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (stat === undefined) {
    return false;
  }

  const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  return state !== 'Z' && state !== 'X';
}

test('runDotnet - abort signal stops the command', async (t) => {
  const dotnetPath = await fakeDotnet('sleep 60');
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 200);
  const result = await runDotnet(['build'], { cwd: os.tmpdir(), dotnetPath, signal: controller.signal });
  t.true(result.aborted);
});

test('runDotnet - missing executable explains how to install', async (t) => {
  const error = await t.throwsAsync(runDotnet(['--version'], { cwd: os.tmpdir(), dotnetPath: '/nonexistent/dotnet' }), { instanceOf: UserError });
  t.regex(error?.message ?? '', /The \.NET SDK was not found: "\/nonexistent\/dotnet" is not on PATH\./);
  t.regex(error?.hint ?? '', /DOTNET_ROOT/);
});

test('locateDotnet - honours DOTNET_ROOT when it contains dotnet', async (t) => {
  const dotnetPath = await fakeDotnet('exit 0');
  t.is(locateDotnet({ DOTNET_ROOT: path.dirname(dotnetPath) }), dotnetPath);
  t.is(locateDotnet({ DOTNET_ROOT: '/nonexistent' }), 'dotnet');
  t.is(locateDotnet({}), 'dotnet');
});

test('formatCommand - quotes what a shell would split', (t) => {
  t.is(formatCommand(['dotnet', 'build', '/tmp/my module/M.sln', "it's"]), `dotnet build '/tmp/my module/M.sln' 'it'\\''s'`);
});
