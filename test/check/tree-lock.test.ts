import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { acquireTreeLock } from '../../ts-host/check/tree-lock.js';
import { InterruptedError } from '../../ts-host/errors.js';
import { RecordingLogger } from '../../ts-host/log/logger.js';
import { fakeDotnetRoot, isRunning } from '../helpers/fake-dotnet.js';

// The highest process id Linux hands out is below 2^22, so this one never runs.
const deadPid = 2 ** 22 + 17;

async function setUp() {
  const root = await mkdtemp(path.join(os.tmpdir(), 'oqjob-lock-root-'));
  const lockDirectory = await mkdtemp(path.join(os.tmpdir(), 'oqjob-lock-dir-'));
  return { root, lockDirectory };
}

/** Writes a lock file as a run that died would have left it, and returns its path. */
async function leaveStaleLock(root: string, lockDirectory: string, content: string): Promise<string> {
  const probe = await acquireTreeLock(root, { logger: new RecordingLogger(), lockDirectory });
  const [name] = await readdir(lockDirectory);
  await probe.release();
  await mkdir(lockDirectory, { recursive: true });
  const file = path.join(lockDirectory, name!);
  await writeFile(file, content);
  return file;
}

test('acquireTreeLock - a second run waits for the first', async (t) => {
  const { root, lockDirectory } = await setUp();
  const waiting = new RecordingLogger();
  const first = await acquireTreeLock(root, { logger: new RecordingLogger(), lockDirectory, pollMs: 20 });

  let secondHolds = false;
  const second = acquireTreeLock(root, { logger: waiting, lockDirectory, pollMs: 20 }).then((lock) => {
    secondHolds = true;
    return lock;
  });
  await new Promise((resolve) => setTimeout(resolve, 150));
  t.false(secondHolds);
  t.true(waiting.lines.some((line) => line.message.includes(`waiting for another oqjob run on this folder (process ${process.pid})`)));

  await first.release();
  await (await second).release();
  t.false(existsSync(lockDirectory), 'the empty lock folder is removed');
});

test('acquireTreeLock - takes over a dead process\'s lock', async (t) => {
  const { root, lockDirectory } = await setUp();
  await leaveStaleLock(root, lockDirectory, JSON.stringify({ pid: deadPid, host: os.hostname() }));
  const logger = new RecordingLogger();

  const lock = await acquireTreeLock(root, { logger, lockDirectory, pollMs: 20 });

  t.true(logger.lines.some((line) => line.message.includes(`taking over the folder lock of process ${deadPid}`)));
  await lock.release();
  t.false(existsSync(lockDirectory));
});

test('acquireTreeLock - an old unreadable lock is stale', async (t) => {
  const { root, lockDirectory } = await setUp();
  const file = await leaveStaleLock(root, lockDirectory, '');
  const longAgo = new Date(Date.now() - 60_000);
  await utimes(file, longAgo, longAgo);

  const lock = await acquireTreeLock(root, { logger: new RecordingLogger(), lockDirectory, pollMs: 20 });

  await lock.release();
  t.false(existsSync(file));
});

test('acquireTreeLock - many runs take a stale lock one at a time', async (t) => {
  const { root, lockDirectory } = await setUp();
  await leaveStaleLock(root, lockDirectory, JSON.stringify({ pid: deadPid, host: os.hostname() }));
  let holders = 0;
  let overlaps = 0;

  await Promise.all(Array.from({ length: 8 }, async () => {
    const lock = await acquireTreeLock(root, { logger: new RecordingLogger(), lockDirectory, pollMs: 5 });
    holders++;
    overlaps += holders > 1 ? 1 : 0;
    await new Promise((resolve) => setTimeout(resolve, 20));
    holders--;
    await lock.release();
  }));

  t.is(overlaps, 0);
});

test('acquireTreeLock - stops the build a killed run left', async (t) => {
  const { root, lockDirectory } = await setUp();
  // A hanging stand-in dotnet in its own process group, as oqjob starts the real one.
  const orphan = spawn(path.join(fakeDotnetRoot, 'dotnet'), ['build'], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, FAKE_DOTNET_MODE: 'hang', FAKE_DOTNET_STATE: await mkdtemp(path.join(os.tmpdir(), 'oqjob-fake-dotnet-')) },
  });
  const workDirectory = await mkdtemp(path.join(os.tmpdir(), 'oqjob-'));
  await new Promise((resolve) => setTimeout(resolve, 500));
  await leaveStaleLock(root, lockDirectory, JSON.stringify({ pid: deadPid, host: os.hostname(), buildGroup: orphan.pid, workDirectory }));
  const logger = new RecordingLogger();

  const lock = await acquireTreeLock(root, { logger, lockDirectory, pollMs: 20 });

  t.true(logger.lines.some((line) => line.message.includes(`stopping the build that process ${deadPid} left running`)));
  t.false(isRunning(orphan.pid!));
  t.false(existsSync(workDirectory), 'the dead run\'s work folder is removed');
  await lock.release();
});

test('acquireTreeLock - an interrupt ends the wait', async (t) => {
  const { root, lockDirectory } = await setUp();
  const first = await acquireTreeLock(root, { logger: new RecordingLogger(), lockDirectory });
  const controller = new AbortController();

  const waiting = acquireTreeLock(root, { logger: new RecordingLogger(), lockDirectory, pollMs: 20, signal: controller.signal });
  setTimeout(() => controller.abort(), 50);

  await t.throwsAsync(waiting, { instanceOf: InterruptedError });
  await first.release();
});

test('acquireTreeLock - different folders do not wait', async (t) => {
  const one = await setUp();
  const other = await mkdtemp(path.join(os.tmpdir(), 'oqjob-lock-root-'));
  const first = await acquireTreeLock(one.root, { logger: new RecordingLogger(), lockDirectory: one.lockDirectory });

  const second = await acquireTreeLock(other, { logger: new RecordingLogger(), lockDirectory: one.lockDirectory });

  t.is((await readdir(one.lockDirectory)).length, 2);
  await first.release();
  await second.release();
});

test('acquireTreeLock - a file in place of the lock folder is an error', async (t) => {
  const { root, lockDirectory } = await setUp();
  const blocked = path.join(lockDirectory, 'oqjob-locks');
  await writeFile(blocked, '');

  const error = await t.throwsAsync(acquireTreeLock(root, { logger: new RecordingLogger(), lockDirectory: blocked }));

  t.regex(error?.message ?? '', /The folder lock ".*oqjob-locks" cannot be written: EEXIST\./);
});
