import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import test from 'ava';
import { acquireTreeLock } from '../../ts-host/check/tree-lock.js';
import { InterruptedError } from '../../ts-host/errors.js';
import { RecordingLogger } from '../../ts-host/log/logger.js';

async function setUp() {
  const root = await mkdtemp(path.join(os.tmpdir(), 'oqjob-lock-root-'));
  const lockDirectory = await mkdtemp(path.join(os.tmpdir(), 'oqjob-lock-dir-'));
  return { root, lockDirectory };
}

test('acquireTreeLock - a second run waits until the first releases', async (t) => {
  const { root, lockDirectory } = await setUp();
  const waiting = new RecordingLogger();
  const release = await acquireTreeLock(root, { logger: new RecordingLogger(), lockDirectory, pollMs: 20 });

  let secondHolds = false;
  const second = acquireTreeLock(root, { logger: waiting, lockDirectory, pollMs: 20 }).then((releaseSecond) => {
    secondHolds = true;
    return releaseSecond;
  });
  await new Promise((resolve) => setTimeout(resolve, 150));
  t.false(secondHolds);
  t.true(waiting.lines.some((line) => line.message.includes(`waiting for another oqjob run on this folder (process ${process.pid})`)));

  await release();
  await (await second)();
  t.false(existsSync(lockDirectory), 'the empty lock folder is removed');
});

test('acquireTreeLock - takes over the lock of a process that no longer runs', async (t) => {
  const { root, lockDirectory } = await setUp();
  const first = await acquireTreeLock(root, { logger: new RecordingLogger(), lockDirectory });
  const [name] = await readdir(lockDirectory);
  await first();
  await mkdir(lockDirectory, { recursive: true });
  // The highest process id Linux hands out is below 2^22, so this one never runs.
  await writeFile(path.join(lockDirectory, name!), JSON.stringify({ pid: 2 ** 22 + 17, host: os.hostname() }));

  const release = await acquireTreeLock(root, { logger: new RecordingLogger(), lockDirectory, pollMs: 20 });

  await release();
  t.false(existsSync(lockDirectory), 'the empty lock folder is removed');
});

test('acquireTreeLock - an interrupt ends the wait', async (t) => {
  const { root, lockDirectory } = await setUp();
  const release = await acquireTreeLock(root, { logger: new RecordingLogger(), lockDirectory });
  const controller = new AbortController();

  const waiting = acquireTreeLock(root, { logger: new RecordingLogger(), lockDirectory, pollMs: 20, signal: controller.signal });
  setTimeout(() => controller.abort(), 50);

  await t.throwsAsync(waiting, { instanceOf: InterruptedError });
  await release();
});

test('acquireTreeLock - different folders do not wait for each other', async (t) => {
  const one = await setUp();
  const other = await mkdtemp(path.join(os.tmpdir(), 'oqjob-lock-root-'));
  const release = await acquireTreeLock(one.root, { logger: new RecordingLogger(), lockDirectory: one.lockDirectory });

  const releaseOther = await acquireTreeLock(other, { logger: new RecordingLogger(), lockDirectory: one.lockDirectory });

  t.is((await readdir(one.lockDirectory)).length, 2);
  await release();
  await releaseOther();
});
