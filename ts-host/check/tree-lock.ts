import { createHash } from 'node:crypto';
import { mkdir, open, readFile, realpath, rm, rmdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { InterruptedError } from '../errors.js';
import type { Logger } from '../log/logger.js';

export interface TreeLockOptions {
  logger: Logger;
  signal?: AbortSignal;
  /** Folder that contains the lock files (default: the system's temporary folder). */
  lockDirectory?: string;
  /** How often a waiting run looks again. */
  pollMs?: number;
}

/** Releases a lock taken with acquireTreeLock; calling it twice is harmless. */
export type ReleaseLock = () => Promise<void>;

interface LockOwner {
  pid: number;
  host: string;
}

/**
 * Makes runs on the same folder take turns. Two builds of one solution at once write the
 * same obj/ and bin/ files and fail on each other's locks, so the second run waits until
 * the first is done. The lock is a file named after the folder's real path, created with
 * O_EXCL; a lock left by a process that no longer runs is taken over.
 */
export async function acquireTreeLock(root: string, options: TreeLockOptions): Promise<ReleaseLock> {
  const lockDirectory = options.lockDirectory ?? path.join(os.tmpdir(), 'oqjob-locks');
  const lockFile = path.join(lockDirectory, `${createHash('sha256').update(await realpath(root)).digest('hex').slice(0, 24)}.lock`);
  const me: LockOwner = { pid: process.pid, host: os.hostname() };

  let announced = false;
  for (;;) {
    if (await tryCreate(lockFile, me)) {
      options.logger.debug(`acquired the folder lock ${lockFile}`);
      return once(async () => {
        await rm(lockFile, { force: true });
        // An empty lock folder is removed so that a run leaves nothing behind, unless another run is using it.
        await rmdir(lockDirectory).catch(() => undefined);
      });
    }

    const owner = await readOwner(lockFile);
    if (owner !== undefined && !isRunning(owner)) {
      options.logger.debug(`taking over the lock of process ${owner.pid}, which no longer runs`);
      await rm(lockFile, { force: true });
      continue;
    }

    if (!announced) {
      options.logger.info(`oqjob: waiting for another oqjob run on this folder${owner ? ` (process ${owner.pid})` : ''} to finish`);
      announced = true;
    }

    await pause(options.pollMs ?? 500, options.signal);
  }
}

async function tryCreate(lockFile: string, owner: LockOwner): Promise<boolean> {
  try {
    // Another run may have just removed the empty lock folder.
    await mkdir(path.dirname(lockFile), { recursive: true });
    const handle = await open(lockFile, 'wx');
    try {
      await handle.writeFile(`${JSON.stringify(owner)}\n`);
    } finally {
      await handle.close();
    }

    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }

    throw error;
  }
}

/**
 * Reads the lock's owner. A file that cannot be parsed yet is still being written by its
 * owner, so undefined makes the caller wait and look again.
 */
async function readOwner(lockFile: string): Promise<LockOwner | undefined> {
  try {
    const parsed = JSON.parse(await readFile(lockFile, 'utf8')) as Partial<LockOwner>;
    return Number.isInteger(parsed.pid) && typeof parsed.host === 'string' ? { pid: parsed.pid!, host: parsed.host } : undefined;
  } catch {
    return undefined;
  }
}

// NOTE: a process on another host that shares this temporary folder is taken to be running,
// and a reused process id keeps a stale lock until that process ends.
function isRunning(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) {
    return true;
  }

  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  try {
    await sleep(ms, undefined, signal ? { signal } : {});
  } catch {
    throw new InterruptedError();
  }
}

function once(release: () => Promise<void>): ReleaseLock {
  let done = false;
  return async () => {
    if (!done) {
      done = true;
      await release();
    }
  };
}
