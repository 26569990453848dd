import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, mkdir, open, readFile, realpath, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { InterruptedError, UserError } from '../errors.js';
import { groupExists, signalGroup } from '../dotnet/process-group.js';
import type { Logger } from '../log/logger.js';

export interface TreeLockOptions {
  logger: Logger;
  signal?: AbortSignal;
  /** Folder that contains the lock files (default: oqjob-locks in the system's temporary folder). */
  lockDirectory?: string;
  /** How often a waiting run looks again. */
  pollMs?: number;
}

/** A lock on one checked folder, held until released. */
export interface TreeLock {
  /** Records what a run that finds this lock stale must clean up: the build's process group and the work folder. */
  record(details: { buildGroup?: number; workDirectory?: string }): Promise<void>;
  /** Releases the lock. Calling it twice is harmless. */
  release(): Promise<void>;
}

interface LockOwner {
  pid: number;
  host: string;
  buildGroup?: number;
  workDirectory?: string;
}

// A lock file that stays unreadable this long was left half-written by a run that died.
const unreadableLockGraceMs = 10_000;

// How long a left-over build gets to end after SIGTERM before it is killed.
const orphanGraceMs = 5000;

/**
 * Makes runs on the same folder take turns. Two builds of one solution at once write the
 * same obj/ and bin/ files and fail on each other's locks, so the second run waits until
 * the first is done. The lock is a file named after the folder's real path, created with
 * O_EXCL. A lock left by a process that no longer runs is taken over, and the build and
 * work folder that process left behind are removed first.
 */
export async function acquireTreeLock(root: string, options: TreeLockOptions): Promise<TreeLock> {
  const lockDirectory = options.lockDirectory ?? path.join(path.resolve(os.tmpdir()), 'oqjob-locks');
  const lockFile = path.join(lockDirectory, `${createHash('sha256').update(await realpath(root)).digest('hex').slice(0, 24)}.lock`);
  const owner: LockOwner = { pid: process.pid, host: os.hostname() };

  let announced = false;
  for (;;) {
    if (await tryCreate(lockFile, owner)) {
      options.logger.debug(`acquired the folder lock ${lockFile}`);
      return heldLock(lockFile, owner);
    }

    const current = await readOwner(lockFile);
    if (current === 'stale' || (current !== undefined && !isRunning(current))) {
      await takeOver(lockFile, current, options.logger);
      continue;
    }

    if (!announced) {
      options.logger.info(`oqjob: waiting for another oqjob run on this folder${current ? ` (process ${current.pid})` : ''} to finish`);
      announced = true;
    }

    await pause(options.pollMs ?? 500, options.signal);
  }
}

function heldLock(lockFile: string, owner: LockOwner): TreeLock {
  let released = false;
  return {
    async record(details) {
      Object.assign(owner, details);
      // Written beside the lock and renamed over it, so that a reader never sees half of it.
      const next = `${lockFile}.${randomBytes(4).toString('hex')}.next`;
      await writeFile(next, `${JSON.stringify(owner)}\n`);
      await rename(next, lockFile);
    },
    async release() {
      if (released) {
        return;
      }

      released = true;
      await rm(lockFile, { force: true });
      // The empty folder goes too, so a run leaves nothing behind. It stays while another run uses it.
      await rmdir(path.dirname(lockFile)).catch(() => undefined);
    },
  };
}

async function tryCreate(lockFile: string, owner: LockOwner): Promise<boolean> {
  await makeLockDirectory(path.dirname(lockFile));
  let handle;
  try {
    handle = await open(lockFile, 'wx');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOENT: another run removed the empty folder between the mkdir and the open, so try again.
    if (code === 'EEXIST' || code === 'ENOENT') {
      return false;
    }

    throw lockFailure(lockFile, error as NodeJS.ErrnoException);
  }

  try {
    await handle.writeFile(`${JSON.stringify(owner)}\n`);
    await handle.close();
    return true;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(lockFile, { force: true });
    throw lockFailure(lockFile, error as NodeJS.ErrnoException);
  }
}

async function makeLockDirectory(folder: string): Promise<void> {
  // A run that releases its lock removes the empty folder, which can make a recursive mkdir
  // running at that moment fail with ENOENT, so it is tried again.
  for (let attempt = 1; ; attempt++) {
    try {
      await mkdir(folder, { recursive: true });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || attempt >= 20) {
        throw lockFailure(folder, error as NodeJS.ErrnoException);
      }
    }
  }
}

function lockFailure(file: string, error: NodeJS.ErrnoException): UserError {
  return new UserError(`The folder lock "${file}" cannot be written: ${error.code ?? error.message}.`, {
    hint: 'Free space in the temporary folder, or set TMPDIR to a writable folder that oqjob may use.',
  });
}

/**
 * Reads the lock's owner. A file that cannot be parsed is still being written by its owner,
 * so undefined makes the caller wait and look again. One that stays unreadable past the grace
 * period was left by a run that died while writing it, and is 'stale'.
 */
async function readOwner(lockFile: string): Promise<LockOwner | 'stale' | undefined> {
  try {
    const parsed = JSON.parse(await readFile(lockFile, 'utf8')) as Partial<LockOwner>;
    if (Number.isInteger(parsed.pid) && typeof parsed.host === 'string') {
      return parsed as LockOwner;
    }
  } catch {
    // Unreadable or not JSON, so it is judged by its age below.
  }

  const info = await stat(lockFile).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > unreadableLockGraceMs ? 'stale' : undefined;
}

/**
 * Takes over a stale lock. The file is first renamed to a name of this run's own, which only
 * one of several waiting runs can do. If the renamed file turns out to be a fresh lock that
 * another run took meanwhile, it is put back. Otherwise the dead run's build and work folder go.
 */
async function takeOver(lockFile: string, stale: LockOwner | 'stale', logger: Logger): Promise<void> {
  const claimed = `${lockFile}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await rename(lockFile, claimed);
  } catch {
    return;
  }

  const found = await readOwner(claimed);
  const sameOwner = stale === 'stale' ? found === 'stale' || found === undefined : typeof found === 'object' && found.pid === stale.pid && found.host === stale.host;
  if (!sameOwner) {
    await link(claimed, lockFile).catch(() => undefined);
    await rm(claimed, { force: true });
    return;
  }

  await rm(claimed, { force: true });
  if (stale !== 'stale') {
    logger.info(`oqjob: taking over the folder lock of process ${stale.pid}, which no longer runs`);
    await cleanUpAfter(stale, logger);
  }
}

/** Ends the build that a killed run left running and removes its work folder. */
async function cleanUpAfter(owner: LockOwner, logger: Logger): Promise<void> {
  if (owner.buildGroup !== undefined && owner.host === os.hostname() && isLeftOverBuild(owner.buildGroup)) {
    logger.info(`oqjob: stopping the build that process ${owner.pid} left running`);
    signalGroup(owner.buildGroup, 'SIGTERM');
    const deadline = Date.now() + orphanGraceMs;
    while (groupExists(owner.buildGroup) && Date.now() < deadline) {
      await sleep(100);
    }

    signalGroup(owner.buildGroup, 'SIGKILL');
  }

  const temporary = path.resolve(os.tmpdir());
  if (owner.workDirectory !== undefined && path.dirname(owner.workDirectory) === temporary && path.basename(owner.workDirectory).startsWith('oqjob-')) {
    await rm(owner.workDirectory, { recursive: true, force: true });
  }
}

// The group is only signalled while its leader is still a dotnet process, so that a process
// id that the system has since given to something else is left alone.
function isLeftOverBuild(group: number): boolean {
  try {
    return readFileSync(`/proc/${group}/cmdline`, 'utf8').includes('dotnet') && groupExists(group);
  } catch {
    return false;
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
