import { randomBytes } from 'node:crypto';
import { lstat, readlink, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';

/**
 * Writes the file through a temporary file in the same folder and a rename, so a reader
 * never sees a half-written file and an interrupted run leaves the old file as it was.
 * A symbolic link is followed, so its target is replaced and the link stays. A device or
 * pipe, such as /dev/stdout, is written directly, because renaming over it would replace it.
 * The content may come in pieces, which are written one after the other.
 */
export async function writeFileAtomic(file: string, content: string | Iterable<string>): Promise<void> {
  if (namesOpenDescriptor(file)) {
    // Appended, so that `>> log` keeps the file's earlier content, as a shell redirection would.
    await writeFile(file, content, { flag: 'a' }).catch((error: Error) => {
      throw cannotWrite(file, error);
    });
    return;
  }

  const target = await resolveTarget(file);
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isFile()) {
    await writeFile(target, content).catch((error: Error) => {
      throw cannotWrite(file, error);
    });
    return;
  }

  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw cannotWrite(file, error as Error);
  }
}

/**
 * True for /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N: names of a descriptor
 * that the process has open. It may be a redirected regular file, which a rename would replace
 * with a new file that the shell no longer writes to.
 */
function namesOpenDescriptor(file: string): boolean {
  return /^\/(dev\/(stdout|stderr|fd\/\d+)|proc\/(self|\d+)\/fd\/\d+)$/.test(path.resolve(file));
}

/** Returns the path a link points to, or the path itself when it is no link or does not exist yet. */
async function resolveTarget(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      // A link whose target does not exist yet is written at that target.
      const link = await lstat(file).catch(() => undefined);
      return link?.isSymbolicLink() ? path.resolve(path.dirname(file), await readlink(file)) : file;
    }

    throw cannotWrite(file, error as Error);
  }
}

function cannotWrite(file: string, error: Error): UserError {
  // The code (EACCES, EROFS, ...) rather than the message, which names the temporary file.
  const reason = (error as NodeJS.ErrnoException).code ?? error.message;
  return new UserError(`Cannot write "${file}": ${reason}.`, {
    hint: 'Choose a file in a folder that exists and that you may write to; a symbolic link must point to such a file.',
  });
}

/**
 * Fails early, before a long build, when the output file's folder is missing or not writable.
 * `shown` is the path as the user typed it, for the messages.
 */
export async function assertWritableTarget(file: string, shown: string = file): Promise<void> {
  // An open descriptor is written in place, and its folder (/dev, /proc) takes no probe file.
  if (namesOpenDescriptor(file)) {
    return;
  }

  const folder = path.dirname(path.resolve(file));
  const info = await stat(folder).catch(() => undefined);
  if (!info || !info.isDirectory()) {
    throw new UserError(`The folder of the output file "${shown}" does not exist: ${folder}`, {
      hint: 'Create the folder first, or choose another --output path.',
    });
  }

  const existing = await stat(file).catch(() => undefined);
  if (existing?.isDirectory()) {
    throw new UserError(`The output path "${shown}" is a folder.`, { hint: 'Pass a file name to --output.' });
  }

  // NOTE: a symbolic link whose target folder is missing, or a link loop, passes this check and
  // fails only when the report is written, after the build.
  // A probe file, because access() passes for root in folders that still refuse files (/proc, read-only mounts).
  const probe = path.join(folder, `.oqjob-probe-${process.pid}-${randomBytes(4).toString('hex')}`);
  await writeFile(probe, '', { flag: 'wx' }).then(() => rm(probe, { force: true })).catch(() => {
    throw new UserError(`The folder of the output file "${shown}" is not writable: ${folder}`, {
      hint: 'Choose another --output path, or change the folder permissions.',
    });
  });
}
