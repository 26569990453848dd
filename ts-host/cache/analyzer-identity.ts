import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Computes the identity that names each project's stored compiler log: a SHA-256 of the
 * analyzer assembly, the injected targets file with the analyzer config next to it, and the
 * build arguments that shape the analysis. Contents are hashed rather than timestamps, because npm installs a new oqjob
 * version with fixed, old modification times that MSBuild would take for up to date.
 * Returns 16 hex digits, short enough for a file name.
 */
export async function computeAnalyzerIdentity(analyzerPath: string, targetsPath: string, analysisArguments: readonly string[]): Promise<string> {
  const hash = createHash('sha256');
  for (const file of [analyzerPath, targetsPath, hostConfigPath(targetsPath)]) {
    const content = await readFile(file);
    // Each part is prefixed with its length, so that no two different inputs hash alike.
    hash.update(`${content.length}:`).update(content);
  }

  for (const argument of analysisArguments) {
    hash.update(`${Buffer.byteLength(argument)}:${argument}`);
  }

  return hash.digest('hex').slice(0, 16);
}

/** Returns the global analyzer config that oqjob.targets adds from its own folder. */
export function hostConfigPath(targetsPath: string): string {
  return path.join(path.dirname(targetsPath), 'oqjob-host.globalconfig');
}
