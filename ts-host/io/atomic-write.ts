import { randomBytes } from 'node:crypto';
import { access, constants, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../errors.js';

/**
 * Writes the file through a temporary file in the same folder and a rename, so a reader
 * never sees a half-written file and an interrupted run leaves the old file as it was.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new UserError(`Cannot write the output file "${file}": ${(error as Error).message}.`, {
      hint: 'Choose a file in a folder that exists and that you may write to.',
    });
  }
}

/** Fails early, before a long build, when the output file's folder is missing or not writable. */
export async function assertWritableTarget(file: string): Promise<void> {
  const folder = path.dirname(path.resolve(file));
  const info = await stat(folder).catch(() => undefined);
  if (!info || !info.isDirectory()) {
    throw new UserError(`The folder of the output file "${file}" does not exist: ${folder}`, {
      hint: 'Create the folder first, or choose another --output path.',
    });
  }

  const existing = await stat(file).catch(() => undefined);
  if (existing?.isDirectory()) {
    throw new UserError(`The output path "${file}" is a folder.`, { hint: 'Pass a file name to --output.' });
  }

  await access(folder, constants.W_OK).catch(() => {
    throw new UserError(`The folder of the output file "${file}" is not writable: ${folder}`, {
      hint: 'Choose another --output path, or change the folder permissions.',
    });
  });
}
