import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { cliPath, fixturesRoot } from './paths.js';

/**
 * Copies the Oqtane stand-in and the named fixtures into a new temporary folder, keeping
 * their relative layout, without build outputs. Tests write only to such copies.
 */
export async function copyFixtures(...names: string[]): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'oqjob-test-'));
  for (const name of ['oqtane', ...names]) {
    await cp(path.join(fixturesRoot, name), path.join(folder, name), {
      recursive: true,
      filter: (source) => !/[\\/](bin|obj)$/.test(source),
    });
  }

  return folder;
}

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (or the given copy of it) as a user would, without colors and with CI-style progress. */
export async function runCli(args: string[], cwd: string, env: Record<string, string> = {}, cli: string = cliPath): Promise<CliRun> {
  const result = await execa(process.execPath, [cli, ...args], {
    cwd,
    env: { NO_COLOR: '1', CI: 'true', ...env },
    reject: false,
    stdin: 'ignore',
  });
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Returns a hash of every file below the folder except build outputs, keyed by relative path. */
export async function hashTree(folder: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(folder, full).split(path.sep).join('/');
    if (!entry.isFile() || /(^|\/)(bin|obj)(\/|$)/.test(relative)) {
      continue;
    }

    hashes[relative] = createHash('sha256').update(await readFile(full)).digest('hex');
  }

  return hashes;
}
