import { stat } from 'node:fs/promises';
import { CompilerLogError, readCompilerLog, type CompileManifest, type CompilerResult } from '../sarif/compiler-log.js';

/**
 * The origin of a project's compiler log in this run:
 * - compiled: the compiler ran in this run and wrote it (it is newer than this run's manifest);
 * - reused: CoreCompile was skipped as up to date, so the log of the last compile with the
 *   same inputs is valid for this one.
 */
export type StoredLogState = 'compiled' | 'reused';

export interface StoredLog {
  state: StoredLogState;
  results: CompilerResult[];
}

/**
 * Reads the log of one compile and decides whether it belongs to this run. A log older than
 * the manifest is trusted only when oqjob.targets marked CoreCompile as finished without
 * error. Otherwise an earlier compile left it while this one failed or was stopped, and its
 * findings may be those of code that has changed since.
 */
export async function readStoredLog(manifest: CompileManifest): Promise<StoredLog> {
  const state = await stateOf(manifest);
  return { state, results: await readCompilerLog(manifest) };
}

async function stateOf(manifest: CompileManifest): Promise<StoredLogState> {
  const [log, written, finished] = await Promise.all([
    modifiedTime(manifest.logPath),
    modifiedTime(manifest.manifestPath),
    modifiedTime(completionMarkerPath(manifest)),
  ]);

  // readCompilerLog reports a missing log.
  if (log === undefined || written === undefined || log >= written) {
    return 'compiled';
  }

  if (finished !== undefined) {
    return 'reused';
  }

  throw new CompilerLogError(manifest, 'was not rewritten by this run\'s compile, which did not finish');
}

/** Returns the file that oqjob.targets touches after CoreCompile succeeds or is skipped. */
export function completionMarkerPath(manifest: CompileManifest): string {
  return manifest.manifestPath.replace(/\.manifest$/, '.done');
}

async function modifiedTime(file: string): Promise<number | undefined> {
  const info = await stat(file).catch(() => undefined);
  return info?.mtimeMs;
}
